"""Entities: a payment method, health fund, language, place, amenity, brand or branch the
reply asserts must be one the knowledge base names, and not as something it does not offer."""

from __future__ import annotations

import pytest

from agents.grounding.entities import entities_flags
from agents.grounding.findings import ENTITY

SALON = """Bella Hair Studio - 8 Dizengoff Street, Tel Aviv.
Phone: 03-612-4455.
Payment: cash and Bit only. No Amex.
We work with Clalit members (10% off).
Staff speak Hebrew and English.
No parking on site; paid parking at the Gordon lot.
We use Wella and Olaplex products.
Women's cut: ₪180
Wheelchair accessible entrance.
Closed Saturday."""

CLINIC = """מרפאת שיניים ד"ר לוי - רחוב הרצל 20, חיפה.
טלפון: 04-855-1200
אנחנו עובדים עם כללית בלבד. אין הסדר עם מכבי.
תשלום: מזומן, אשראי או ביט. לא מקבלים צ'קים.
הצוות דובר עברית וערבית.
יש חניה בחינם ליד המרפאה.
הסניף השני שלנו בקריות.
המרפאה נגישה."""

PLAIN = """Quick Fix Plumbing.
Phone: 050-123-4567.
Hours: Sun-Thu 8:00-18:00.
Boiler repair: from ₪350."""


def flags(reply: str, knowledge_base: str = SALON, question: str = "") -> list:
    return entities_flags(reply=reply, knowledge_base=knowledge_base, question=question)


def claims(reply: str, knowledge_base: str = SALON, question: str = "") -> list[str]:
    return [flag.claim for flag in flags(reply, knowledge_base, question)]


# --- payment methods ------------------------------------------------------------------------


def test_a_payment_method_the_knowledge_base_does_not_name_is_flagged():
    [flag] = flags("You can pay with Apple Pay 😊")
    assert flag.kind == ENTITY
    assert flag.claim == "Apple Pay"
    assert flag.reason == "the knowledge base names cash and Bit only"
    assert flag.evidence == ("Payment: cash and Bit only. No Amex.",)


def test_the_span_points_at_the_entity_in_the_original_reply():
    reply = "Sure! You can pay by bank transfer."
    [flag] = flags(reply)
    assert reply[flag.start : flag.end] == flag.claim == "bank transfer"


def test_the_payment_methods_the_knowledge_base_names_are_left_alone():
    assert flags("We accept cash and Bit.") == []


def test_a_payment_method_the_knowledge_base_names_as_not_offered_is_flagged_with_that_line():
    [flag] = flags("We take Amex as well.")
    assert flag.reason == "the knowledge base says Amex is not accepted"
    assert flag.evidence == ("Payment: cash and Bit only. No Amex.",)


def test_a_payment_method_in_hebrew_is_flagged():
    assert claims("אפשר לשלם גם בפייבוקס", CLINIC) == ["בפייבוקס"]


def test_a_payment_method_in_hebrew_the_knowledge_base_names_is_left_alone():
    assert flags("אפשר לשלם במזומן, באשראי או בביט", CLINIC) == []


def test_a_hebrew_knowledge_base_supports_the_english_name():
    assert flags("You can pay by credit card or with Bit.", CLINIC) == []


def test_cheques_the_hebrew_knowledge_base_refuses_are_flagged():
    [flag] = flags("כן, אפשר לשלם בצ'ק", CLINIC)
    assert flag.evidence == ("תשלום: מזומן, אשראי או ביט. לא מקבלים צ'קים.",)


def test_a_card_the_knowledge_base_covers_with_credit_cards_is_left_alone():
    kb = "Payment: all credit cards and cash."
    assert flags("Visa and Mastercard are fine.", kb) == []
    assert claims("We accept Amex.", "Payment: Visa or Mastercard.") == ["Amex"]


def test_a_bit_of_english_is_not_the_bit_app():
    assert flags("It might take a bit longer on Fridays, and we can fit you in.") == []


def test_installments_are_a_payment_method_but_a_payment_is_not():
    assert claims("אפשר לשלם בתשלומים", CLINIC) == ["בתשלומים"]
    assert flags("התשלום במזומן או באשראי", CLINIC) == []


# --- health funds and insurers --------------------------------------------------------------


def test_a_health_fund_the_knowledge_base_does_not_name_is_flagged():
    [flag] = flags("We work with Maccabi too 👍")
    assert flag.claim == "Maccabi"
    assert flag.reason == "the knowledge base names Clalit only"
    assert flag.evidence == ("We work with Clalit members (10% off).",)


def test_a_health_fund_in_hebrew_the_knowledge_base_refuses_is_flagged_with_that_line():
    [flag] = flags("אנחנו עובדים גם עם מכבי 👍", CLINIC)
    assert flag.claim == "מכבי"
    assert flag.evidence == ("אנחנו עובדים עם כללית בלבד. אין הסדר עם מכבי.",)


def test_the_english_name_of_a_health_fund_the_hebrew_knowledge_base_names_is_left_alone():
    assert flags("Yes, we work with Clalit.", CLINIC) == []
    assert flags("כן, אנחנו עובדים עם כללית", SALON) == []


def test_general_in_hebrew_is_not_the_health_fund():
    assert flags("הבדיקה הכללית לוקחת חצי שעה", CLINIC) == []


def test_a_correct_negative_about_a_health_fund_is_left_alone():
    assert flags("Sorry, we don't work with Maccabi.", CLINIC) == []
    assert flags("לצערנו אין לנו הסדר עם מכבי", CLINIC) == []


def test_a_health_fund_the_customer_asked_about_echoed_in_a_deflection_is_left_alone():
    question = "Do you work with Maccabi?"
    assert flags("I'm not sure about Maccabi, I'll check with the team.", question=question) == []
    assert flags("לגבי מכבי אני לא בטוחה, אבדוק עם הצוות", CLINIC, "מכבי?") == []


# --- languages ------------------------------------------------------------------------------


def test_a_language_the_knowledge_base_does_not_name_is_flagged():
    [flag] = flags("Our team speaks Hebrew, English and Arabic.")
    assert flag.claim == "Arabic"
    assert flag.reason == "the knowledge base names Hebrew and English only"


def test_a_language_in_hebrew_is_flagged_and_its_grounded_twin_left_alone():
    assert claims("הצוות שלנו מדבר גם רוסית", CLINIC) == ["רוסית"]
    assert flags("אפשר לקבל טיפול בערבית", CLINIC) == []


def test_a_language_the_knowledge_base_does_not_mention_at_all_is_flagged_without_evidence():
    [flag] = flags("Our plumbers speak Russian.", PLAIN)
    assert flag.reason == "the knowledge base does not name Russian as a language"
    assert flag.evidence == ()


def test_a_language_word_that_is_not_a_language_is_left_alone():
    assert flags("We do a lovely French manicure and Russian volume lashes.") == []


def test_the_agent_offering_to_write_in_a_language_is_left_alone():
    assert flags("I can continue in Russian if that's easier.", PLAIN) == []


# --- places ---------------------------------------------------------------------------------


def test_a_town_the_knowledge_base_does_not_serve_is_flagged():
    [flag] = flags("We also deliver to Haifa 🚚")
    assert flag.claim == "Haifa"
    assert flag.evidence == ("Bella Hair Studio - 8 Dizengoff Street, Tel Aviv.",)


def test_a_town_in_hebrew_with_a_prefix_is_flagged():
    assert claims("כן, אנחנו מגיעים גם לנתניה", CLINIC) == ["לנתניה"]


def test_a_town_the_knowledge_base_names_is_left_alone_in_both_languages():
    assert flags("We're in Tel Aviv, on Dizengoff.") == []
    assert flags("אנחנו בחיפה, ברחוב הרצל", CLINIC) == []
    assert flags("The clinic is in Haifa.", CLINIC) == []


def test_an_area_claim_is_flagged_and_an_area_the_knowledge_base_serves_covers_its_towns():
    assert claims("We cover the whole country!", PLAIN) == ["the whole country"]
    kb = "We serve the center: Tel Aviv, Holon and Bat Yam."
    assert flags("Yes, we come to Ramat Gan too.", kb) == []


def test_the_center_of_a_town_is_not_an_area_served():
    assert flags("אנחנו במרכז העיר, ליד הרכבת", CLINIC) == []


def test_a_town_the_customer_named_quoted_back_is_left_alone():
    question = "I'm coming from Holon, how long is the appointment?"
    assert (
        flags("Coming from Holon, got it. A women's cut takes about an hour.", question=question)
        == []
    )
    assert claims("Yes, we deliver to Holon.", question=question) == ["Holon"]


# --- branches -------------------------------------------------------------------------------


def test_a_branch_in_a_place_the_knowledge_base_does_not_name_is_flagged():
    [flag] = flags("Our branch in Kiryat Ono is open on Fridays.", PLAIN)
    assert flag.claim == "Our branch in Kiryat Ono"
    assert "no branch" in flag.reason


def test_a_branch_in_hebrew_is_flagged_and_the_branch_the_knowledge_base_names_left_alone():
    assert claims("יש לנו סניף בקניון עזריאלי", CLINIC) != []
    assert flags("הסניף השני שלנו בקריות", CLINIC) == []


def test_another_branch_when_the_knowledge_base_has_none_is_flagged():
    assert claims("We have another branch nearby.", PLAIN) == ["another branch"]


# --- amenities ------------------------------------------------------------------------------


def test_an_amenity_the_knowledge_base_does_not_name_is_flagged():
    [flag] = flags("Yes, there's free wifi for clients.", PLAIN)
    assert flag.claim == "wifi"
    assert flag.reason == "the knowledge base does not name wifi as an amenity"


def test_an_amenity_the_knowledge_base_refuses_is_flagged_with_that_line():
    [flag] = flags("There are showers on site.", "No showers on site.")
    assert flag.reason == "the knowledge base says it has no showers"
    assert flag.evidence == ("No showers on site.",)


def test_an_amenity_in_hebrew_is_flagged_and_its_grounded_twin_left_alone():
    assert claims("יש מעלית בבניין", CLINIC) == ["מעלית"]
    assert flags("יש חניה בחינם ליד המרפאה", CLINIC) == []
    assert flags("כן, המרפאה נגישה", CLINIC) == []


def test_a_kosher_claim_is_flagged_unless_the_knowledge_base_says_so():
    assert claims("All our food is kosher.", PLAIN) == ["kosher"]
    assert flags("הכל כשר למהדרין? לא, רק כשר", "כשר (רבנות חיפה)") == []
    assert flags("Everything is kosher.", "כשר חלבי.") == []


def test_wifi_in_hebrew_spelling_is_wifi_in_english():
    assert flags("Yes, wi-fi is free.", "אינטרנט אלחוטי חינם.") == []


def test_an_amenity_word_without_a_word_of_having_is_left_alone():
    assert flags("Parking in the area can be tricky at noon.", PLAIN) == []


def test_parking_the_knowledge_base_refuses_on_site_but_offers_nearby_is_left_alone():
    assert flags("There's paid parking at the Gordon lot.") == []


# --- brands ---------------------------------------------------------------------------------


def test_a_brand_the_knowledge_base_does_not_name_is_flagged():
    [flag] = flags("We use Kérastase products.")
    assert flag.claim == "Kérastase"
    assert flag.reason == "the knowledge base names Wella and Olaplex only"


def test_a_brand_the_knowledge_base_names_is_left_alone():
    assert flags("We use Wella and Olaplex 💛") == []


def test_a_product_name_after_we_use_must_be_in_the_knowledge_base():
    assert claims("We use Davines for colour.") == ["Davines"]
    assert flags("We use Olaplex for colour.") == []


def test_a_product_name_after_a_hebrew_we_work_with_must_be_in_the_knowledge_base():
    assert claims("אנחנו עובדים עם Davines", CLINIC) == ["Davines"]


def test_a_brand_the_customer_wrote_quoted_back_is_left_alone():
    question = "I have a 2016 Mazda 3 that rattles at 80 km/h"
    assert (
        flags("A 2016 Mazda 3 that rattles, got it. Diagnostics are ₪180.", PLAIN, question) == []
    )
    assert claims("Sure, we service Teslas too ⚡", PLAIN, "Do you work on Teslas?") == ["Teslas"]


def test_an_apple_pie_is_not_a_brand():
    assert flags("Our apple pie is baked every morning.", "Apple pie: ₪18") == []
    assert flags("our apple crumble is great", PLAIN) == []


# --- what is not an assertion ---------------------------------------------------------------


def test_a_question_asserts_nothing():
    assert flags("Would you like to pay with PayPal or cash?") == []
    assert flags("תרצי לשלם בפייפאל?", CLINIC) == []


def test_a_negation_about_something_the_knowledge_base_does_not_mention_is_left_alone():
    assert flags("We don't accept PayPal, sorry.") == []
    assert flags("אין לנו מעלית, מצטערים", CLINIC) == []


def test_a_negated_list_stays_negated():
    assert flags("We take cash and Bit, but no Amex, Diners or cheques.") == []


def test_the_affirmative_half_of_a_sentence_is_still_read():
    assert claims("We don't take Amex, but PayPal is fine.") == ["PayPal"]


def test_a_condition_asserts_nothing():
    assert flags("If you're a Maccabi member, let us know when you book.") == []


def test_a_deflection_asserts_nothing():
    assert (
        flags("I don't have information about Apple Pay, I'll pass your question to the team.")
        == []
    )
    assert flags("לגבי פייפאל אבדוק ואחזור אלייך", CLINIC) == []


def test_an_empty_reply_has_no_flags():
    assert flags("") == []


# --- the lexicon's newer words ----------------------------------------------------------

ZIMMER = """צימר בין הכרמים - מושב עמיקם.
בכל יחידה ג'קוזי ומרפסת.
חניה פרטית ליד כל יחידה, וויי-פיי חינם."""

TECHNICIAN = """תיקונים לבית - טכנאי מקררים.
מותגים: בוש, סמסונג, LG."""

DRIVING = """בית ספר לנהיגה - באר שבע.
שיעורים על רכב אוטומטי. לא מלמדים על ידני."""

BAKERY = """Green Crumb bakery.
Gluten-free: the lemon-almond cake.
No vegan cream."""

PIZZA = """פיצה בית הכרם, ירושלים.
משלוח חינם בהזמנה מעל ₪150.
אין בצק ללא גלוטן."""


def test_a_sauna_the_knowledge_base_does_not_name_is_flagged_in_both_languages() -> None:
    assert claims("כן, בכל יחידה יש סאונה יבשה", ZIMMER, "יש לכם סאונה?") == ["סאונה"]
    assert claims("Yes, every unit has a sauna.", ZIMMER, "Do you have a sauna?") == ["sauna"]
    assert claims("כן, בכל יחידה יש ג'קוזי", ZIMMER, "יש ג'קוזי?") == []
    assert claims("Yes, every unit has a jacuzzi.", ZIMMER, "Is there a jacuzzi?") == []


def test_a_brand_in_hebrew_spelling_is_held_to_the_brands_the_knowledge_base_names() -> None:
    assert claims("בטח, שארפ זה מותג שאני עובד עליו הרבה.", TECHNICIAN) == ["שארפ"]
    assert claims("Sure, we fix Sharp fridges.", TECHNICIAN) == ["Sharp"]
    assert claims("בטח, בוש זה מותג שאני עובד עליו הרבה.", TECHNICIAN) == []
    assert claims("Sure, we fix Bosch fridges.", TECHNICIAN) == []
    assert claims("The knives are sharp, be careful.", TECHNICIAN) == []


def test_a_manual_car_is_flagged_against_an_automatic_only_school_in_both_languages() -> None:
    found = flags("כן, יש לנו גם רכב ידני וגם אוטומטי", DRIVING)
    assert [flag.claim for flag in found] == ["ידני"]
    assert found[0].evidence == ("שיעורים על רכב אוטומטי. לא מלמדים על ידני.",)
    assert claims("Yes, we teach on manual cars too.", DRIVING) == ["manual cars"]
    assert claims("כן, כל השיעורים על רכב אוטומטי", DRIVING) == []
    assert claims("Yes, lessons are on automatic cars.", DRIVING) == []
    assert claims("The manual cleaning takes an hour.", DRIVING) == []


def test_a_dietary_option_is_held_to_the_knowledge_base_in_both_languages() -> None:
    assert claims("Yes, we have gluten-free dough.", PIZZA) == ["gluten-free"]
    assert claims("כן, יש לנו בצק ללא גלוטן", PIZZA) == ["ללא גלוטן"]
    assert claims("The lemon-almond cake is gluten-free.", BAKERY) == []
    assert claims("עוגת הלימון ללא גלוטן.", BAKERY) == []
    assert claims("Yes, the cream is vegan.", BAKERY) == ["vegan"]


def test_a_without_of_a_dietary_option_is_no_negation_in_the_knowledge_base() -> None:
    cafe = "קפה הפינה, חיפה.\nיש אפשרויות טבעוניות וללא גלוטן."
    assert claims("יש לנו מנות טבעוניות וגם ללא גלוטן.", cafe) == []
    assert claims("We have vegan and gluten-free dishes.", cafe) == []


def test_the_lexicon_says_whether_a_thing_is_named_in_the_knowledge_base_in_either_language() -> (
    None
):
    from agents.grounding.entities import named_in_knowledge_base as same_entity_in

    assert same_entity_in("כן, יש חניה חינם מול הבניין", "Free parking in front of the building.")
    assert same_entity_in("Delivery is free on orders over 150 shekels", PIZZA)
    assert same_entity_in("contents insurance", "ביטוח תכולה כלול עד 50,000 ₪.")
    assert not same_entity_in("יש חניה", "No parking. Payment: cash.")
    assert not same_entity_in("free parking", PLAIN)
    assert not same_entity_in("we fix boilers", PLAIN)


# --- asides and regions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (
            "Payment: credit card (up to 12 payments without interest), cash, Bit.",
            "You can pay by credit card, cash or Bit.",
        ),
        ("We take Visa (no minimum, not for deposits), PayPal or bank transfer.", "PayPal works."),
        ("תשלום: אשראי (ללא ריבית עד 6 תשלומים), מזומן, ביט.", "אפשר לשלם במזומן או בביט."),
        ("אמצעי תשלום: העברה בנקאית (לא בהזמנות דחופות), פייבוקס.", "אפשר לשלם בפייבוקס."),
    ],
)
def test_a_list_after_a_negated_aside_in_parentheses_is_still_offered(
    knowledge_base: str, reply: str
) -> None:
    assert flags(reply, knowledge_base) == []


def test_a_name_after_a_negation_outside_parentheses_is_still_denied() -> None:
    knowledge_base = "Payment: Visa (any amount), no Amex or Diners."
    assert claims("Sure, we take Diners.", knowledge_base) == ["Diners"]
    knowledge_base_he = "תשלום: מזומן (כל סכום), לא מקבלים צ'קים או פייבוקס."
    assert claims("כן, מקבלים פייבוקס.", knowledge_base_he) == ["פייבוקס"]


@pytest.mark.parametrize(
    ("reply", "question"),
    [
        ("Yes, Kiryat Bialik is in our area, no problem!", "Do you cover Kiryat Bialik?"),
        ("Sure, we come to Kiryat Motzkin too.", "What about Kiryat Motzkin?"),
        ("כן, אנחנו מגיעים גם לקריית ים 🙂", "אתם מגיעים לקריית ים?"),
        ("בטח, קרית אתא באזור שלנו.", "קרית אתא באזור שלכם?"),
    ],
)
def test_a_town_inside_a_region_the_knowledge_base_does_not_serve_is_flagged(
    reply: str, question: str
) -> None:
    knowledge_base = (
        "Area: Haifa and Kiryat Tiv'on. We don't cover the Krayot.\nאזור: חיפה. לא מגיעים לקריות."
    )
    [flag] = flags(reply, knowledge_base, question)
    assert "Krayot" in flag.reason
    assert flag.evidence


def test_a_town_inside_a_region_the_knowledge_base_serves_is_left_alone() -> None:
    knowledge_base = "We serve Haifa and the Krayot.\nמגיעים לחיפה ולקריות."
    assert flags("Yes, Kiryat Ata is in our area.", knowledge_base, "Kiryat Ata?") == []
    assert flags("כן, מגיעים לקריית ביאליק.", knowledge_base, "קריית ביאליק?") == []
    assert flags("Yes, we come to Kiryat Tiv'on.", "Area: Haifa and Kiryat Tiv'on.") == []
