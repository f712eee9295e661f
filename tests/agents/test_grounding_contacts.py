"""Contacts and identifiers: an invented e-mail, site, handle, address, code or booking number
is flagged; the knowledge base's own, in any normal spelling, and the customer's own are not."""

from __future__ import annotations

import pytest

from agents.grounding.contacts import contacts_flags
from agents.grounding.findings import CONTACT, Flag

KB = """Salon Dana - 41 Allenby Street, Tel Aviv
Phone: 03-555-1234. WhatsApp: 052-381-7720
E-mail: info@salondana.co.il
Website: www.salondana.co.il, online booking at salondana.co.il/book
Instagram: @salon.dana
Women's haircut: ₪180 (45 minutes)
Men's haircut: ₪90
Students get 10% off with code STUDENT10
Open Sun-Thu 9:00-19:00, Fri 8:00-14:00
Closed on Saturday
Two floors, the colour bar is on the 2nd floor
Kids from age 4"""

KB_HE = """מספרת דנה
כתובת: רחוב אלנבי 41, תל אביב
טלפון: 03-555-1234
מייל: info@salondana.co.il
אתר: salondana.co.il
אינסטגרם: salondana
תספורת נשים: 180 ₪
סטודנטים: 10% הנחה עם הקוד STUDENT10
פתוח א'-ה' 9:00-19:00
סגור בשבת"""

KB_PLAIN = """Bella Nails
Gel manicure: ₪120
Open Sun-Thu 10:00-20:00"""


def flags(reply: str, knowledge_base: str = KB, question: str = "") -> list[Flag]:
    return contacts_flags(reply=reply, knowledge_base=knowledge_base, question=question)


def claims(reply: str, knowledge_base: str = KB, question: str = "") -> list[str]:
    return [flag.claim for flag in flags(reply, knowledge_base, question)]


# --- e-mail addresses --------------------------------------------------------------------


def test_an_invented_email_address_is_flagged_with_the_real_one_as_evidence() -> None:
    [flag] = flags("You can write to us at dana.salon@gmail.com 😊")
    assert flag.kind == CONTACT
    assert flag.claim == "dana.salon@gmail.com"
    assert "dana.salon@gmail.com" in flag.reason
    assert flag.evidence == ("E-mail: info@salondana.co.il",)


def test_the_knowledge_bases_email_in_any_case_is_not_flagged() -> None:
    assert flags("Write to INFO@SalonDana.co.il and we'll answer.") == []


def test_an_invented_email_in_a_hebrew_reply_is_flagged() -> None:
    assert claims("אפשר לשלוח מייל ל-dana@salon.co.il", KB_HE) == ["dana@salon.co.il"]


def test_the_knowledge_bases_email_in_a_hebrew_reply_is_not_flagged() -> None:
    assert flags("אפשר לשלוח מייל ל-info@salondana.co.il ונחזור אליך", KB_HE) == []


def test_an_email_is_flagged_with_no_evidence_when_the_knowledge_base_gives_none() -> None:
    [flag] = flags("E-mail us at hello@bellanails.com", KB_PLAIN)
    assert flag.evidence == ()


def test_the_customers_own_email_quoted_back_is_not_a_claim() -> None:
    question = "please send the price list to dana.cohen@gmail.com"
    assert (
        flags("Sure, I'll pass it on so it goes to dana.cohen@gmail.com.", question=question) == []
    )
    assert flags("נעביר לצוות שישלחו ל-dana.cohen@gmail.com", KB_HE, question=question) == []


def test_an_email_the_reply_asks_about_is_the_customers() -> None:
    assert flags("Is your e-mail dana.cohen@gmail.com?") == []
    assert flags("Shall I send it to dana.cohen@gmail.com?") == []
    assert flags("שנשלח ל-dana.cohen@gmail.com?", KB_HE) == []


# --- websites ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Have a look at www.salondana.co.il",
        "Our site is https://salondana.co.il/",
        "See HTTP://WWW.SALONDANA.CO.IL for the price list.",
        "Book online at salondana.co.il/book.",
        "Book online at https://www.salondana.co.il/book/",
        "אפשר להזמין באתר salondana.co.il/book",
    ],
)
def test_the_knowledge_bases_site_in_any_normal_spelling_is_not_flagged(reply: str) -> None:
    assert flags(reply) == []


def test_an_invented_website_is_flagged_with_the_real_site_as_evidence() -> None:
    [flag] = flags("Prices are on www.salon-dana.com.")
    assert flag.claim == "www.salon-dana.com"
    assert flag.evidence == (
        "Website: www.salondana.co.il, online booking at salondana.co.il/book",
    )


def test_the_right_domain_with_another_top_level_domain_is_flagged() -> None:
    assert claims("See salondana.com for prices.") == ["salondana.com"]


def test_a_page_the_knowledge_base_does_not_give_on_its_own_site_is_flagged() -> None:
    [flag] = flags("Book at salondana.co.il/booking-online")
    assert flag.claim == "salondana.co.il/booking-online"
    assert "page" in flag.reason


def test_any_page_of_a_site_given_without_pages_is_not_flagged() -> None:
    assert flags("Prices: salondana.co.il/prices", KB_HE) == []


def test_an_invented_website_in_hebrew_is_flagged() -> None:
    assert claims("כל המחירים באתר שלנו www.dana-hair.co.il", KB_HE) == ["www.dana-hair.co.il"]


def test_the_domain_of_the_knowledge_bases_email_is_its_site() -> None:
    kb = "Bella Nails\nE-mail: hello@bellanails.com"
    assert flags("More at bellanails.com", kb) == []


def test_a_platform_named_without_a_page_is_not_a_claim() -> None:
    assert flags("You can read our reviews on Booking.com or find us on waze.com.") == []
    assert flags("You can find our address on Google Maps.") == []


def test_a_whatsapp_link_to_the_knowledge_bases_number_is_not_flagged() -> None:
    assert flags("Message us: wa.me/972523817720") == []


def test_a_whatsapp_link_to_another_number_is_flagged() -> None:
    assert claims("Message us: wa.me/972529999999") == ["wa.me/972529999999"]


# --- social handles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "Follow us @salon.dana for our latest work!",
        "Find us on Instagram at @salon.dana",
        "Instagram: salon.dana",
        "Our work is at instagram.com/salon.dana",
        "עקבו אחרינו באינסטגרם salon.dana",
    ],
)
def test_the_knowledge_bases_handle_is_not_flagged(reply: str) -> None:
    assert flags(reply) == []


def test_a_handle_with_a_dot_dropped_or_swapped_is_another_account() -> None:
    assert claims("Follow @salondana on Instagram") == ["@salondana"]
    assert claims("We're @salon_dana on Instagram 🌱") == ["@salon_dana"]
    assert claims("Follow @salon.dana_tlv on Instagram") == ["@salon.dana_tlv"]
    assert flags("Follow @SALON.DANA on Instagram") == []


def test_a_handle_after_a_hebrew_prefix_is_read() -> None:
    assert claims("כן! תעקבו אחרינו ב-@salon_dana 📸", KB_HE) == ["@salon_dana"]
    assert claims("תעקבו אחרינו ב@salon.dana", KB_HE) == ["@salon.dana"]
    assert flags("תעקבו אחרינו ב-@salondana 📸", KB_HE) == []
    assert flags("כתבו לנו ל-info@salondana.co.il", KB_HE) == []


def test_an_invented_handle_is_flagged_on_the_handle_itself() -> None:
    reply = "Follow us @dana_hair_tlv for our latest work!"
    [flag] = flags(reply)
    assert flag.claim == "@dana_hair_tlv"
    assert reply[flag.start : flag.end] == "@dana_hair_tlv"
    assert flag.evidence == ("Instagram: @salon.dana",)


@pytest.mark.parametrize(
    ("reply", "handle"),
    [
        ("Find us on Instagram at danahairstudio", "danahairstudio"),
        ("Our Instagram handle is dana.hair", "dana.hair"),
        ("Facebook: DanaHairTLV", "DanaHairTLV"),
        ("Photos at instagram.com/danahair", "instagram.com/danahair"),
    ],
)
def test_an_invented_handle_after_a_platform_is_flagged(reply: str, handle: str) -> None:
    assert claims(reply) == [handle]


def test_an_invented_handle_in_hebrew_is_flagged() -> None:
    assert claims("עקבו אחרינו באינסטגרם: dana.hair.tlv", KB_HE) == ["dana.hair.tlv"]
    assert claims("חפשו אותנו בפייסבוק בשם danahair", KB_HE) == ["danahair"]


def test_the_knowledge_bases_handle_in_hebrew_is_not_flagged() -> None:
    assert flags("עקבו אחרינו באינסטגרם @salondana 📸", KB_HE) == []


def test_a_platform_named_without_a_handle_is_not_a_claim() -> None:
    assert flags("Follow us on Instagram for updates!") == []
    assert flags("Instagram: we post our work daily.") == []
    assert flags("עקבו אחרינו באינסטגרם ובפייסבוק", KB_HE) == []


# --- street addresses ----------------------------------------------------------------------


def test_a_wrong_house_number_is_flagged_with_the_real_address_as_evidence() -> None:
    reply = "We're at 14 Allenby St. See you soon!"
    [flag] = flags(reply)
    assert flag.claim == "14 Allenby St."
    assert reply[flag.start : flag.end] == "14 Allenby St."
    assert "another house number" in flag.reason
    assert flag.evidence == ("Salon Dana - 41 Allenby Street, Tel Aviv",)


@pytest.mark.parametrize(
    "reply",
    [
        "We're at 41 Allenby Street, Tel Aviv.",
        "We're at 41 Allenby St.",
        "Our address is Allenby 41.",
        "Come to Allenby St. 41, we're on the 2nd floor.",
        "We're at 41 Allenby, Tel Aviv.",
    ],
)
def test_the_knowledge_bases_address_in_any_spelling_is_not_flagged(reply: str) -> None:
    assert flags(reply) == []


@pytest.mark.parametrize(
    "reply",
    ["We're at Allenby 14.", "Allenby Street 14, Tel Aviv", "We're at 14 Allenby, Tel Aviv."],
)
def test_a_wrong_house_number_in_other_english_forms_is_flagged(reply: str) -> None:
    assert len(flags(reply)) == 1


def test_a_street_the_knowledge_base_does_not_name_is_flagged() -> None:
    [flag] = flags("We're at 41 Dizengoff St.")
    assert flag.claim == "41 Dizengoff St."
    assert "not an address" in flag.reason
    assert flag.evidence == ("Salon Dana - 41 Allenby Street, Tel Aviv",)


def test_an_address_is_flagged_with_no_evidence_when_the_knowledge_base_has_none() -> None:
    [flag] = flags("Bring the car to 12 HaMelacha St.", KB_PLAIN)
    assert flag.evidence == ()


@pytest.mark.parametrize(
    ("reply", "claim"),
    [
        ("אנחנו ברחוב אלנבי 14, תל אביב", "ברחוב אלנבי 14"),
        ("הכתובת שלנו: אלנבי 14", "אלנבי 14"),
        ("אנחנו באלנבי 14", "באלנבי 14"),
        ("ברח' אלנבי 14", "ברח' אלנבי 14"),
    ],
)
def test_a_wrong_house_number_in_hebrew_is_flagged(reply: str, claim: str) -> None:
    [flag] = flags(reply, KB_HE)
    assert flag.claim == claim
    assert flag.evidence == ("כתובת: רחוב אלנבי 41, תל אביב",)


@pytest.mark.parametrize(
    "reply",
    [
        "אנחנו ברחוב אלנבי 41, תל אביב",
        "הכתובת: אלנבי 41",
        "אנחנו באלנבי 41 בקומה 2",
        "ברח' אלנבי 41",
        "מחכים לכם באלנבי 41!",
    ],
)
def test_the_knowledge_bases_address_in_hebrew_is_not_flagged(reply: str) -> None:
    assert flags(reply, KB_HE) == []


@pytest.mark.parametrize(
    "reply", ["ברח' הרצל 12", "אנחנו בשדרות רוטשילד 5", "אנחנו ברחוב הרצל 12, תל אביב"]
)
def test_a_hebrew_street_the_knowledge_base_does_not_name_is_flagged(reply: str) -> None:
    [flag] = flags(reply, KB_HE)
    assert "not an address" in flag.reason


def test_a_transliterated_address_with_the_right_number_is_not_flagged() -> None:
    assert flags("We're at 41 Allenby St., Tel Aviv", KB_HE) == []
    assert flags("Our address is Allenby 41", KB_HE) == []
    assert flags("אנחנו ברחוב אלנבי 41", KB) == []


def test_a_transliterated_address_with_another_number_is_flagged() -> None:
    [flag] = flags("We're at 14 Allenby St.", KB_HE)
    assert "another house number" in flag.reason
    assert claims("אנחנו ברחוב אלנבי 14", KB) == ["ברחוב אלנבי 14"]


def test_a_street_in_another_script_that_cannot_be_compared_passes_on_its_number() -> None:
    kb = "כתובת: רחוב ז'בוטינסקי 33, רמת גן"
    assert flags("We're at 33 Jabotinsky Street, Ramat Gan.", kb) == []


def test_a_street_the_knowledge_base_names_without_a_number_is_left_alone() -> None:
    kb = KB + "\nFree parking on Ben Yehuda Street behind the salon"
    assert flags("Parking is at 20 Ben Yehuda St.", kb) == []


def test_an_invented_address_offered_in_a_question_is_still_flagged() -> None:
    assert claims("Would you like to visit us at 14 Allenby St.?") == ["14 Allenby St."]


def test_an_address_the_reply_asks_the_customer_about_is_theirs() -> None:
    assert flags("Is your address 5 Herzl St.?") == []


def test_the_customers_own_address_quoted_back_is_not_a_claim() -> None:
    question = "can you send someone to 5 Herzl St. in Haifa?"
    assert flags("We'll pass it on: 5 Herzl St. in Haifa.", question=question) == []


@pytest.mark.parametrize(
    "reply",
    [
        "We're on the 2nd floor. A women's haircut is ₪180.",
        "We have 2 floors and 4 chairs on each.",
        "Kids from age 4 are welcome.",
        "We've been on Allenby Street since 2009.",
        "3 blocks down the street from the market.",
        "We're at 100% capacity on Fridays, so come Sunday.",
        "Parking on Allenby Street is free after 19:00.",
        "Open Sun-Thu 9:00-19:00.",
    ],
)
def test_numbers_that_are_not_house_numbers_are_left_alone(reply: str) -> None:
    assert flags(reply) == []


@pytest.mark.parametrize(
    "reply",
    [
        "אנחנו בקומה 2.",
        "אנחנו בעסק 20 שנה.",
        "המשלוח מגיע בדרך כלל תוך 30 עד 45 דקות.",
        "אנחנו במרחק 5 דקות מהים.",
        "תספורת נשים עולה 180 ₪ ולוקחת 45 דקות.",
        "רחוב אלנבי סגור לתנועה בשבת.",
        "אנחנו בטופ 10 בארץ!",
        "תגיעו למפגש 2 בשעה 18:00.",
        "ממוקמים בקניון 2 קומות מתחת לחניון.",
    ],
)
def test_hebrew_numbers_that_are_not_house_numbers_are_left_alone(reply: str) -> None:
    assert flags(reply, KB_HE) == []


# --- promo codes ---------------------------------------------------------------------------


def test_an_invented_promo_code_is_flagged_on_the_code() -> None:
    reply = "Use code WELCOME15 at checkout for 15% off your first order 😊"
    [flag] = flags(reply)
    assert flag.claim == "WELCOME15"
    assert reply[flag.start : flag.end] == "WELCOME15"
    assert flag.reason == "'WELCOME15' is not a code in the knowledge base"
    assert flag.evidence == ("Students get 10% off with code STUDENT10",)


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ("With the code DANA10 you get 10% off.", "DANA10"),
        ("Promo code: SUMMER", "SUMMER"),
        ("Your discount code is summer20.", "summer20"),
        ("Just enter WELCOME15 at checkout.", "WELCOME15"),
    ],
)
def test_an_invented_code_in_english_is_flagged(reply: str, code: str) -> None:
    assert claims(reply) == [code]


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        ("קוד קופון SUMMER נותן 15% הנחה", "SUMMER"),
        ("עם הקוד DANA10 תקבלי 10% הנחה", "DANA10"),
        ("הזינו WELCOME15 בקופה", "WELCOME15"),
        ("קוד ההנחה: spring2024", "spring2024"),
    ],
)
def test_an_invented_code_in_hebrew_is_flagged(reply: str, code: str) -> None:
    assert claims(reply, KB_HE) == [code]


def test_the_knowledge_bases_code_in_any_case_is_not_flagged() -> None:
    assert flags("Students: use code STUDENT10 for 10% off.") == []
    assert flags("Use code student10 at the desk.") == []
    assert flags("סטודנטים מקבלים 10% הנחה עם הקוד STUDENT10", KB_HE) == []


def test_a_code_the_customer_wrote_is_not_a_claim() -> None:
    question = "does the code SUMMER20 still work?"
    assert flags("Code SUMMER20 is one I can't check, I'll ask the team.", question=question) == []


def test_a_denied_code_is_not_a_claim() -> None:
    assert flags("Sorry, there's no code WELCOME15.") == []
    assert flags("אין לנו קוד WELCOME15, מצטערים", KB_HE) == []


@pytest.mark.parametrize(
    "reply",
    [
        "Use the code at checkout.",
        "The dress code is smart casual.",
        "Your zip code 61000 is in our area.",
        "A gift voucher for 500 ₪ makes a lovely present.",
        "Use WhatsApp for bookings.",
        "Apply SPF 30 before the treatment.",
    ],
)
def test_words_near_code_that_are_no_code_are_left_alone(reply: str) -> None:
    assert flags(reply) == []


# --- booking, order and reference numbers --------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "number"),
    [
        ("Done! Your booking number is 48213.", "48213"),
        ("Your confirmation number: AB1234", "AB1234"),
        ("Reference #55123, keep it handy.", "55123"),
        ("Ticket number 90412 has been opened.", "90412"),
        ("Confirmation code: X7Y2Z", "X7Y2Z"),
        ("Your booking ref is DANA-7781.", "DANA-7781"),
    ],
)
def test_a_booking_number_the_agent_issues_is_flagged(reply: str, number: str) -> None:
    [flag] = flags(reply)
    assert flag.claim == number
    assert "no booking system" in flag.reason
    assert flag.evidence == ()


@pytest.mark.parametrize(
    ("reply", "number"),
    [
        ("מספר הזמנה 5531, נתראה!", "5531"),
        ("מספר ההזמנה שלך הוא 48213", "48213"),
        ("מספר אסמכתא: 77120", "77120"),
    ],
)
def test_a_booking_number_the_agent_issues_in_hebrew_is_flagged(reply: str, number: str) -> None:
    assert claims(reply, KB_HE) == [number]


def test_the_customers_own_order_number_is_not_a_claim() -> None:
    assert flags("Your order number is 48213, I've passed it on.", question="order 48213?") == []
    assert flags("מספר הזמנה 5531 הועבר לצוות", KB_HE, question="מספר הזמנה 5531") == []


@pytest.mark.parametrize(
    "reply",
    [
        "Your booking #4471 is noted, the team will confirm.",
        "Order 48213 has shipped.",
        "Minimum order is 150 shekels.",
        "In case 100 people come, call us first.",
        "Our booking line is 03-555-1234.",
        "Ticket: 120 each, kids half price.",
        "Ref: 2024 price list attached.",
        "Is your booking number 48213?",
    ],
)
def test_numbers_referred_to_or_not_identifiers_are_left_alone(reply: str) -> None:
    assert flags(reply) == []


def test_an_order_number_referred_to_in_hebrew_is_left_alone() -> None:
    assert flags("הזמנה מספר 48213 נשלחה היום.", KB_HE) == []


def test_a_reference_number_the_knowledge_base_gives_is_not_flagged() -> None:
    kb = KB + "\nGroup bookings: quote reference GRP2024 when you call"
    assert flags("Quote reference number GRP2024 when you call.", kb) == []


# --- phones, several claims, speed ---------------------------------------------------------


def test_phone_numbers_are_left_to_the_validator() -> None:
    assert flags("Call us on 03-999-8888 or WhatsApp 054-111-2222.") == []


def test_each_invented_identifier_gets_its_own_flag_in_reply_order() -> None:
    reply = "Write to hi@dana.com, follow @dana.tlv and use code DANA20 at 14 Allenby St."
    found = flags(reply)
    assert [flag.claim for flag in found] == [
        "hi@dana.com",
        "@dana.tlv",
        "DANA20",
        "14 Allenby St.",
    ]
    for flag in found:
        assert reply[flag.start : flag.end] == flag.claim


def test_spans_point_into_the_original_reply_past_direction_marks() -> None:
    reply = "\u200fאנחנו ברחוב אלנבי\u200f 14\u200f, ו\u200fהמייל: x@y.co.il"
    found = flags(reply, KB_HE)
    assert [reply[flag.start : flag.end] for flag in found] == [flag.claim for flag in found]
    assert [flag.claim for flag in found][-1] == "x@y.co.il"


def test_a_reply_with_nothing_to_check_has_no_flags() -> None:
    assert flags("") == []
    assert flags("Hi! A women's haircut is ₪180 and takes about 45 minutes 😊") == []


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        ("SparkleGo – car wash at your door.\nInstagram: @sparklego.tlv", "We're @sparklego on IG"),
        ("GreenCrumb vegan bakery.\nInstagram: @greencrumb_vegan", "Follow us: @greencrumb"),
        ("פיצה Bella – פיצה נפוליטנית.\nאינסטגרם: @bella.pizza.tlv", "אנחנו באינסטגרם @bella"),
        ("Noga Studio – סטודיו ליוגה.\nאינסטגרם: @noga.studio", "תעקבי אחרינו ב-@noga 🙏"),
    ],
)
def test_a_handle_cut_short_to_the_business_name_is_flagged(
    knowledge_base: str, reply: str
) -> None:
    [flag] = contacts_flags(reply=reply, knowledge_base=knowledge_base)
    assert flag.kind == CONTACT
    assert flag.claim.startswith("@")


def test_the_full_handle_beside_the_business_name_is_left_alone() -> None:
    knowledge_base = "SparkleGo – car wash at your door.\nInstagram: @sparklego.tlv"
    assert contacts_flags(reply="We're @sparklego.tlv on IG", knowledge_base=knowledge_base) == []
    knowledge_base_he = "פיצה Bella – פיצה נפוליטנית.\nאינסטגרם: @bella.pizza.tlv"
    assert (
        contacts_flags(reply="באינסטגרם @bella.pizza.tlv", knowledge_base=knowledge_base_he) == []
    )
