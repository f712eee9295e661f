"""The closed families of things a business names: payment methods, health funds and
insurers, languages, places in Israel, amenities and brands, in English and Hebrew.

Each entity is one thing with all its spellings: "Clalit" and "כללית" are one key, so the
knowledge base saying one supports a reply saying the other. Forms are regular-expression
fragments over *normalised* text (``text.normalise``: lower case, one apostrophe, one
gershayim); a space in a form matches a space or a dash. Hebrew forms are written without
their one-letter prefixes (ו, ש, ב, ל, מ, כ, ה), which ``entities`` allows in front of every
Hebrew form.

``cue``: the word is used for other things too ("כללית" is also "general", "French" is a
manicure, "garden" may be the trade itself), so a reply names the entity only where a word
of its family stands nearby (``entities`` holds the cue words). ``asserting`` forms state the
entity on their own ("wheelchair accessible", "ממוזג"). ``cased``: the Latin form must be
capitalised in the reply ("Bit" the app, not "a bit"; "Apple", not an apple pie).
``within``: the areas a town lies in, so "we serve the center" supports Ramat Gan.

``TERMS`` are words of the trade (delivery, insurance, pickup, warranty...) that are never
claims of their own but match across the two languages; ``same_entity_in`` answers, for
any check, whether a text names an entity or term the knowledge base names as offered.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    key: str
    name: str  # as a reason names it
    english: tuple[str, ...] = ()
    hebrew: tuple[str, ...] = ()
    cue: bool = False
    asserting: tuple[str, ...] = ()
    cased: bool = False
    within: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    key: str
    what: str  # "a payment method"
    no: str  # what the knowledge base's "no" says: "{name} is not accepted"
    entities: tuple[Entity, ...]


def _e(key: str, name: str, english: str = "", hebrew: str = "", **options: object) -> Entity:
    return Entity(
        key,
        name,
        (english,) if english else (),
        (hebrew,) if hebrew else (),
        **options,  # type: ignore[arg-type]
    )


CARD_NETWORKS = frozenset({"visa", "mastercard", "amex", "diners", "isracard"})

PAYMENTS = Family(
    "payment",
    "a payment method",
    "{name} is not accepted",
    (
        _e("cash", "cash", r"cash", r"מזומן|מזומנים"),
        _e(
            "credit_card",
            "credit card",
            r"credit cards?|debit cards?|card payments?|(?<=by )cards?|(?<=with )(?:a )?cards?"
            r"|(?<=accept )(?:all )?cards|(?<=take )(?:all )?cards|(?<=and )cards?(?= payments?)",
            r"כרטיס(?:י)? אשראי|אשראי",
        ),
        _e("visa", "Visa", r"visa", r"ויזה"),
        _e("mastercard", "Mastercard", r"master ?card|mastercard", r"מאסטרקארד|מאסטר ?קארד"),
        _e("amex", "Amex", r"amex|american express", r"אמריקן אקספרס|אמקס"),
        _e("diners", "Diners", r"diners(?: club)?", r"דיינרס"),
        _e("isracard", "Isracard", r"isracard|isra card", r"ישראכרט"),
        _e("apple_pay", "Apple Pay", r"apple ?pay", r"אפל ?פיי"),
        _e("google_pay", "Google Pay", r"google ?pay|gpay", r"גוגל ?פיי"),
        _e("samsung_pay", "Samsung Pay", r"samsung ?pay", r"סמסונג ?פיי"),
        _e(
            "bit",
            "Bit",
            r"(?<!a )(?<!little )bit(?! of\b)(?! more\b)(?! late\b)(?! early\b)",
            r"ביט",
            cased=True,
        ),
        _e("paybox", "PayBox", r"pay ?box", r"פייבוקס|פיי ?בוקס"),
        _e("paypal", "PayPal", r"pay ?pal", r"פייפאל|פיי ?פאל|פייפל"),
        _e(
            "bank_transfer",
            "bank transfer",
            r"bank transfers?|wire transfers?|bank wire",
            r"העברה בנקאית|העברות בנקאיות|העברת בנק|העברה לחשבון",
        ),
        _e(
            "cheque",
            "cheques",
            r"cheques?|(?<=by )checks?|(?<=accept )checks|(?<=take )checks|post-?dated checks?",
            r"צ'קים|צ'ק|שיקים|שיק|המחאות|המחאה",
        ),
        _e(
            "installments",
            "installments",
            r"installments?|instalments?|payment plans?|(?<=in )\d+ (?:monthly )?payments",
            r"תשלומים|פריסת תשלומים|פריסה לתשלומים",
        ),
        _e(
            "gift_card",
            "gift cards",
            r"gift cards?|gift vouchers?|vouchers?|gift certificates?",
            r"שובר|שוברים|שובר מתנה|כרטיס מתנה|כרטיסי מתנה|תו(?:י)? (?:קניי?ה|שי|הזהב|פלוס)"
            r"|תווי קניי?ה|תווי שי|גיפט ?קארד",
        ),
        _e("buyme", "BuyMe", r"buy ?me", r"ביימי|ביי ?מי"),
    ),
)

INSURERS = Family(
    "insurer",
    "a health fund or insurer",
    "the business does not work with {name}",
    (
        _e("clalit", "Clalit", r"clalit", r"כללית", cue=True),
        _e("maccabi", "Maccabi", r"maccabi", r"מכבי(?! אש)", cue=True),
        _e("meuhedet", "Meuhedet", r"meuhedet|meuchedet", r"מאוחדת", cue=True),
        _e("leumit", "Leumit", r"leumit", r"לאומית", cue=True),
        _e("harel", "Harel", r"harel", r"הראל", cue=True),
        _e("migdal", "Migdal", r"migdal", r"מגדל", cue=True),
        _e("phoenix", "Phoenix", r"(?:the )?phoenix|hafenix", r"פניקס", cue=True),
        _e("menora", "Menora", r"menora(?: mivtachim)?", r"מנורה(?: מבטחים)?", cue=True),
        _e("clal", "Clal", r"clal", r"כלל(?= ביטוח)", cue=True),
        _e("aig", "AIG", r"aig", r"איי ?איי ?ג'י"),
        _e("ayalon", "Ayalon", r"ayalon", r"איילון", cue=True),
        _e("direct", "Bituach Yashir", r"bituach yashir|direct insurance", r"ביטוח ישיר"),
        _e("shirbit", "Shirbit", r"shirbit", r"שירביט"),
        _e("libra", "Libra", r"libra", r"ליברה", cue=True),
        _e("wesure", "Wesure", r"wesure", r"ווישור"),
        _e("marpet", "Marpet", r"marpet", r"מרפאט|מרפט"),
        _e("passportcard", "PassportCard", r"passport ?card", r"פספורט ?כארד"),
    ),
)

_LANGUAGE_HE = "|".join(["אנגלית", "עברית", "ערבית", "רוסית", "צרפתית", "ספרדית", "אמהרית"])
LANGUAGES = Family(
    "language",
    "a language",
    "{name} is not spoken",
    (
        _e("english", "English", r"english", r"אנגלית", cue=True),
        _e("hebrew", "Hebrew", r"hebrew", r"עברית", cue=True),
        _e("arabic", "Arabic", r"arabic", r"ערבית", cue=True),
        _e("russian", "Russian", r"russian", r"רוסית", cue=True),
        _e("french", "French", r"french", r"צרפתית", cue=True),
        _e("spanish", "Spanish", r"spanish", r"ספרדית", cue=True),
        _e("amharic", "Amharic", r"amharic", r"אמהרית", cue=True),
        _e("yiddish", "Yiddish", r"yiddish", r"יידיש|אידיש", cue=True),
        _e("german", "German", r"german", r"גרמנית", cue=True),
        _e("italian", "Italian", r"italian", r"איטלקית", cue=True),
        _e("portuguese", "Portuguese", r"portuguese", r"פורטוגזית", cue=True),
    ),
)

_C = ("center", "nationwide")
_N = ("north", "nationwide")
_S = ("south", "nationwide")
_SH = ("sharon", "center", "nationwide")
_K = ("krayot", "north", "nationwide")
PLACES = Family(
    "place",
    "a town or area served",
    "{name} is not served",
    (
        _e(
            "tel_aviv",
            "Tel Aviv",
            r"tel aviv(?: jaffa| yafo)?|tlv|jaffa",
            r"תל אביב|ת\"א|יפו",
            within=_C,
        ),
        _e("jerusalem", "Jerusalem", r"jerusalem", r"ירושלים", within=("nationwide",)),
        _e("haifa", "Haifa", r"haifa", r"חיפה", within=_N),
        _e("ramat_gan", "Ramat Gan", r"ramat gan", r"רמת גן|ר\"ג", within=_C),
        _e("givatayim", "Givatayim", r"givatayim|givataim", r"גבעתיים", within=_C),
        _e("holon", "Holon", r"holon", r"חולון", within=_C),
        _e("bat_yam", "Bat Yam", r"bat yam", r"בת ים", within=_C),
        _e(
            "rishon",
            "Rishon LeZion",
            r"rishon(?: le ?zion| lezion| letzion)?",
            r"ראשון לציון|ראשל\"צ",
            within=_C,
        ),
        _e(
            "petah_tikva",
            "Petah Tikva",
            r"pe(?:t|ta)?ch? tikv?a|petah tiqwa",
            r"פתח תקווה|פתח תקוה|פ\"ת",
            within=_C,
        ),
        _e("herzliya", "Herzliya", r"herzliy?a|herzlia", r"הרצליה", within=_SH),
        _e("raanana", "Ra'anana", r"ra'?anana", r"רעננה(?= )|(?<=[בלמ])רעננה", within=_SH),
        _e("kfar_saba", "Kfar Saba", r"kfar saba|kfar sava", r"כפר סבא", within=_SH),
        _e("netanya", "Netanya", r"netanya|natanya", r"נתניה", within=_SH),
        _e("hod_hasharon", "Hod HaSharon", r"hod ha ?sharon", r"הוד השרון", within=_SH),
        _e("modiin", "Modiin", r"modi'?in", r"מודיעין", within=_C),
        _e("rehovot", "Rehovot", r"rehovot|rechovot", r"רחובות(?! [הש])", within=_C),
        _e("ashdod", "Ashdod", r"ashdod", r"אשדוד", within=_S),
        _e("ashkelon", "Ashkelon", r"ashkelon", r"אשקלון", within=_S),
        _e(
            "beer_sheva",
            "Beer Sheva",
            r"be'?er ?sh?eva|beersheba|be'?er sheba",
            r"באר שבע|ב\"ש",
            within=_S,
        ),
        _e("eilat", "Eilat", r"eilat", r"אילת", within=_S),
        _e("krayot", "the Krayot", r"(?:the )?kra?yot|haifa bay", r"קריות", within=_N),
        # The towns of the Krayot, each inside them: "no Krayot" rules out Kiryat Bialik.
        _e("kiryat_bialik", "Kiryat Bialik", r"kiryat bialik", r"קרי?ית ביאליק", within=_K),
        _e("kiryat_motzkin", "Kiryat Motzkin", r"kiryat motz?kin", r"קרי?ית מוצקין", within=_K),
        _e("kiryat_yam", "Kiryat Yam", r"kiryat yam", r"קרי?ית ים", within=_K),
        _e("kiryat_ata", "Kiryat Ata", r"kiryat ata", r"קרי?ית אתא", within=_K),
        _e("kiryat_haim", "Kiryat Haim", r"kiryat c?haim", r"קרי?ית חיים", within=_K),
        _e("kiryat_tivon", "Kiryat Tiv'on", r"kiryat tiv'?on", r"קרי?ית טבעון", within=_N),
        _e("kiryat_ono", "Kiryat Ono", r"kiryat ono", r"קרי?ית אונו", within=_C),
        _e("kiryat_gat", "Kiryat Gat", r"kiryat gat", r"קרי?ית גת", within=_S),
        _e("kiryat_shmona", "Kiryat Shmona", r"kiryat sh?mona", r"קרי?ית שמונה", within=_N),
        _e("nahariya", "Nahariya", r"nahariy?a", r"נהריה|נהרייה", within=_N),
        _e("akko", "Akko", r"akko|acco", r"עכו", within=_N),
        _e("hadera", "Hadera", r"hadera", r"חדרה", within=_SH),
        _e("caesarea", "Caesarea", r"caesarea|kesariya", r"קיסריה", within=_SH),
        _e("zichron", "Zichron Yaakov", r"zi[ck]h?ron(?: ya'?akov)?", r"זי?כרון יעקב", within=_N),
        _e("yokneam", "Yokneam", r"yokne'?am", r"יקנעם", within=_N),
        _e("nazareth", "Nazareth", r"nazareth", r"נצרת", within=_N),
        _e("afula", "Afula", r"afula", r"עפולה", within=_N),
        _e("tiberias", "Tiberias", r"tiberias", r"טבריה", within=_N),
        _e("ramat_hasharon", "Ramat HaSharon", r"ramat ha ?sharon", r"רמת השרון", within=_SH),
        _e("or_yehuda", "Or Yehuda", r"or yehuda", r"אור יהודה", within=_C),
        _e("yavne", "Yavne", r"yavne", r"יבנה(?! [א-ת])", within=_C),
        _e("ness_ziona", "Ness Ziona", r"ne?ss? ziona", r"נס ציונה", within=_C),
        _e("lod", "Lod", r"lod", r"לוד", within=_C),
        _e("ramla", "Ramla", r"ramla|ramle", r"רמלה", within=_C),
        _e("rosh_haayin", "Rosh HaAyin", r"rosh ha ?'?ayin", r"ראש העין", within=_C),
        _e(
            "north",
            "the north",
            r"(?:the )?north(?:ern israel| of (?:israel|the country))|the north(?! of)(?=\W|$)",
            r"צפון(?: הארץ)?(?! (?!ו|בלבד|גם)[א-ת])",
            cue=True,
            within=("nationwide",),
        ),
        _e(
            "center",
            "the center",
            r"central israel|the cent(?:er|re) of (?:israel|the country)|gush dan"
            r"|the cent(?:er|re)(?! of)(?=\W|$)",
            r"מרכז(?: הארץ)?(?! (?!ו|בלבד|גם)[א-ת])|גוש דן",
            cue=True,
            within=("nationwide",),
        ),
        _e(
            "south",
            "the south",
            r"southern israel|the south of (?:israel|the country)|the south(?! of)(?=\W|$)",
            r"דרום(?: הארץ)?(?! (?!ו|בלבד|גם)[א-ת])",
            cue=True,
            within=("nationwide",),
        ),
        _e(
            "sharon",
            "the Sharon",
            r"the sharon(?: area| region)?",
            r"שרון(?! [א-ת])",
            cue=True,
            within=("center", "nationwide"),
        ),
        _e(
            "nationwide",
            "all over Israel",
            r"all over (?:israel|the country)|nationwide|across (?:all of )?israel|throughout israel"
            r"|anywhere in (?:israel|the country)|the whole country|all of israel",
            r"כל (?:רחבי )?הארץ|כל הארץ|פריסה ארצית|ארצית",
        ),
    ),
)

AMENITIES = Family(
    "amenity",
    "an amenity",
    "it has no {name}",
    (
        _e(
            "parking",
            "parking",
            r"parking(?: lot| space| spaces| spot| spots)?|car park|(?<=can )park",
            r"חניה|חנייה|חניון|חניות|לחנות",
            cue=True,
        ),
        _e(
            "wifi",
            "wifi",
            r"wi-?fi|wireless internet|internet access|free internet",
            r"ו?וו?יי? ?-?פיי?|וואי ?פאי|אינטרנט אלחוטי|אינטרנט חופשי|אינטרנט חינם",
            cue=True,
        ),
        _e(
            "accessible",
            "wheelchair access",
            r"wheelchair access|disabled access|accessibility|step-free access",
            r"נגישות|נגישות לנכים",
            cue=True,
            asserting=(
                r"(?:wheelchair|fully|is|are|'s|'re) accessible|wheelchair[- ]friendly",
                r"נגיש|נגישה|נגישים|נגישות לכסאות גלגלים|מונגש|מונגשת|מונגשים",
            ),
        ),
        _e(
            "elevator",
            "an elevator",
            r"elevators?|(?<!face )(?:(?<=a )|(?<=the ))lift(?! weights)(?! off)",
            r"מעלית|מעליות",
            cue=True,
        ),
        _e(
            "air_conditioning",
            "air conditioning",
            r"air ?-?conditioning|a/c",
            r"מיזוג(?: אוויר| אויר)?|מזגן|מזגנים",
            cue=True,
            asserting=(r"air ?-?conditioned", r"ממוזג|ממוזגת|ממוזגים|ממוזגות"),
        ),
        _e(
            "changing_table",
            "a changing table",
            r"(?:baby )?changing (?:table|station|mat)s?|baby changing",
            r"שידת החתלה|עמדת החתלה|משטח החתלה|החתלה",
            cue=True,
        ),
        _e(
            "kids_corner",
            "a kids' corner",
            r"kids'? corner|children's corner|play (?:corner|area)|kids'? (?:play )?area|playroom",
            r"פינת ילדים|פינת משחקים|פינת משחק|מתחם משחקים|חדר משחקים",
            cue=True,
        ),
        _e("shower", "showers", r"showers?", r"מקלחת|מקלחות", cue=True),
        _e("lockers", "lockers", r"lockers?", r"לוקרים|לוקר|תאי אחסון|לוקרים", cue=True),
        _e("coffee", "coffee", r"coffee|espresso", r"קפה", cue=True),
        _e("pool", "a pool", r"(?:swimming )?pools?", r"בריכה|בריכות|בריכת שחייה", cue=True),
        _e("garden", "a garden", r"gardens?|backyard|yard", r"גינה|גינות|חצר", cue=True),
        _e(
            "kosher",
            "kosher certification",
            r"kosher(?: certificate| certification| certified)?",
            r"כשר|כשרה|כשרים|כשרות|תעודת כשרות|הכשר",
        ),
        _e("mehadrin", "kosher mehadrin", r"mehadrin", r"מהדרין|בד\"ץ"),
        _e(
            "sauna",
            "a sauna",
            r"saunas?|steam rooms?",
            r"סאונה|סאונות|חדר אדים|חדרי אדים",
            cue=True,
        ),
        _e(
            "jacuzzi",
            "a jacuzzi",
            r"jacuzzis?|hot tubs?|spa baths?",
            r"ג'קוזי|ג'אקוזי|ג'קוזים|אמבט(?:יית|ת) (?:ג'קוזי|עיסוי)",
            cue=True,
        ),
        _e(
            "crib",
            "a baby crib",
            r"cribs?|baby cots?|travel cots?|(?<=a )cot|cots(?= for)",
            r"עריסה|עריסות|מיטת תינוק|מיטות תינוק|מיטת תינוקות",
            cue=True,
        ),
    ),
)

# Which car a driving lesson is on; "manual" and "ידני" say other things too, so a word of
# driving must stand nearby (``entities``).
TRANSMISSIONS = Family(
    "transmission",
    "a kind of car taught or rented",
    "{name} cars are not offered",
    (
        _e(
            "manual",
            "manual",
            r"manual (?:cars?|transmissions?|gearbox(?:es)?|gears?|vehicles?|lessons?)"
            r"|stick ?shift|(?<=on )(?:a )?manual|(?<=drive )(?:a )?manual|manuals(?= and)",
            r"ידני|ידנית|גיר ידני|הילוכים ידניים",
            cue=True,
        ),
        _e(
            "automatic",
            "automatic",
            r"automatic (?:cars?|transmissions?|gearbox(?:es)?|gears?|vehicles?|lessons?)"
            r"|(?<=on )(?:an )?automatic|(?<=drive )(?:an )?automatic|automatics(?= and)",
            r"אוטומטי|אוטומטית|גיר אוטומטי|אוטומט",
            cue=True,
        ),
    ),
)

# What a kitchen can make: a dietary option is said as such ("gluten-free", "ללא גלוטן").
DIETS = Family(
    "diet",
    "a dietary option",
    "{name} is not offered",
    (
        _e(
            "gluten_free",
            "gluten-free",
            r"gluten ?free|without gluten|no gluten",
            r"ללא גלוטן|בלי גלוטן|נטול(?:ת|י|ות)? גלוטן",
        ),
        _e("vegan", "vegan", r"vegan|plant based", r"טבעוני|טבעונית|טבעוניים|טבעוניות|טבעונות"),
        _e(
            "lactose_free",
            "lactose-free",
            r"lactose ?free|dairy ?free|non dairy",
            r"ללא לקטוז|נטול(?:ת|י|ות)? לקטוז|ללא חלב|בלי חלב",
        ),
        _e(
            "sugar_free",
            "sugar-free",
            r"sugar ?free|no (?:added )?sugar|without sugar",
            r"ללא סוכר|בלי סוכר|ללא תוספת סוכר|דיאטטי|דיאטטית",
        ),
    ),
)

BRANDS = Family(
    "brand",
    "a brand",
    "{name} is not used",
    (
        _e("loreal", "L'Oréal", r"l'or[eé]al|lor[eé]al", r"לוריאל|לואוריאל"),
        _e("wella", "Wella", r"wella", r"וולה"),
        _e("kerastase", "Kérastase", r"k[eé]rastase", r"קרסטאס|קרסטס"),
        _e("olaplex", "Olaplex", r"olaplex", r"אולפלקס"),
        _e("schwarzkopf", "Schwarzkopf", r"schwarzkopf", r"שוורצקופף|שווארצקופף"),
        _e("redken", "Redken", r"redken", r"רדקן"),
        _e("moroccanoil", "Moroccanoil", r"moroccanoil", r"מרוקן ?אויל"),
        _e("opi", "OPI", r"opi", r"או ?פי ?איי"),
        _e("cnd", "CND", r"cnd|shellac", r"שלק"),
        _e("gelish", "Gelish", r"gelish", r"ג'ליש"),
        _e("toyota", "Toyota", r"toyota", r"טויוטה"),
        _e("hyundai", "Hyundai", r"hyundai", r"יונדאי"),
        _e("kia", "Kia", r"kia", r"קיה", cased=True),
        _e("mazda", "Mazda", r"mazda", r"מאזדה|מזדה"),
        _e("skoda", "Skoda", r"skoda|škoda", r"סקודה"),
        _e("tesla", "Tesla", r"tesla", r"טסלה"),
        _e("bmw", "BMW", r"bmw", r"ב\.מ\.וו|במוו|בי ?אם ?וו"),
        _e("samsung", "Samsung", r"samsung", r"סמסונג"),
        _e("lg", "LG", r"lg", r"אל ?ג'י", cased=True),
        _e("bosch", "Bosch", r"bosch", r"בוש"),
        _e("siemens", "Siemens", r"siemens", r"סימנס"),
        _e("electrolux", "Electrolux", r"electrolux", r"אלקטרולוקס"),
        _e("beko", "Beko", r"beko"),
        _e("whirlpool", "Whirlpool", r"whirlpool(?! baths?)", r"ווירלפול|וירלפול", cased=True),
        _e("sharp", "Sharp", r"sharp(?! at)(?! knives)(?! edges?)", r"שארפ|שארף", cased=True),
        _e("electra", "Electra", r"electra", r"אלקטרה"),
        _e("tadiran", "Tadiran", r"tadiran", r"תדיראן"),
        _e("miele", "Miele", r"miele", r"מילה(?= )(?=\s*(?:ו|מכונ|מדיח))"),
        _e("trek", "Trek", r"trek", r"טרק", cased=True),
        _e("specialized", "Specialized", r"specialized", r"ספשלייזד|ספשיאלייזד", cased=True),
        _e("giant", "Giant", r"giant", r"ג'איינט|ג'יאנט", cased=True),
        _e("cannondale", "Cannondale", r"cannondale", r"קנונדייל"),
        _e(
            "apple",
            "Apple",
            r"apple(?! pie| juice| cake| crumble| strudel| tart| cider)|iphones?"
            r"|ipads?|macbooks?",
            r"אייפון|אייפד|מקבוק",
            cased=True,
        ),
        _e("xiaomi", "Xiaomi", r"xiaomi", r"שיאומי"),
    ),
)

FAMILIES: tuple[Family, ...] = (
    PAYMENTS,
    INSURERS,
    LANGUAGES,
    PLACES,
    AMENITIES,
    TRANSMISSIONS,
    DIETS,
    BRANDS,
)

# Words of the trade said in either language, never claims of their own: they let a reply in
# one language match a knowledge base in the other ("delivery" and "משלוח").
TERMS = Family(
    "term",
    "a term",
    "{name} is not offered",
    (
        _e(
            "delivery",
            "delivery",
            r"deliver(?:y|ies|ed|ing|s)?|ship(?:s|ping|ped)?|shipment|couriers?",
            r"משלוח|משלוחים|שליח|שליחים|שליחויות|שולחים|שולחת",
        ),
        _e("insurance", "insurance", r"insurance|insured", r"ביטוח|מבוטח|מבוטחים|מבוטחת"),
        _e(
            "pickup",
            "a pickup",
            r"pick(?:ing)? ?ups?|pick (?:you|it|them) up|collection",
            r"איסוף|אוספים|אוספת|לאסוף",
        ),
        _e("installation", "installation", r"install(?:ation|ing|ed|s)?", r"התקנה|התקנות|מתקינים"),
        _e("warranty", "a warranty", r"warrant(?:y|ies)|guarantee", r"אחריות"),
        _e("deposit", "a deposit", r"deposits?", r"מקדמה|מקדמות|פיקדון|פקדון"),
        _e("refund", "a refund", r"refund(?:s|ed)?", r"החזר|החזרים|החזר כספי"),
        _e("home_visit", "home visits", r"home visits?|house calls?", r"ביקורי? בית"),
        _e("breakfast", "breakfast", r"breakfasts?", r"ארוחת בוקר|ארוחות בוקר"),
        _e("towels", "towels", r"towels?", r"מגבת|מגבות"),
    ),
)

# Every family ``entities`` reads; the terms only ever support.
READ_FAMILIES: tuple[Family, ...] = (*FAMILIES, TERMS)
