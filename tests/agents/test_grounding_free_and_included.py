"""Free, included and agreed-to, with their conditions: each family with unseen variants in
English and Hebrew beside the grounded twin that must pass.

- a thing free only from a count ("over 80 m²", "7 visits or more", "pay 6 months upfront",
  "בקניית 3 זוגות") said free without the count, or "whatever the size";
- the free line a sentence is about is the one sharing the most words with it;
- "interest-free" is not free of charge; a gift voucher for sale is no gift;
- "comes at no extra cost" / "ללא תוספת" against "X is not included" / "X לא כלול";
- one thing of a list said included that its own line prices;
- a yes to "can you come to my place?" against a knowledge base that serves no one at home.
"""

from __future__ import annotations

import pytest

from agents.grounding.findings import AFFIRMATION, OFFER
from agents.grounding.validator import validate_reply


def _kinds(reply: str, kb: str, question: str = "") -> list[str]:
    result = validate_reply(reply=reply, knowledge_base=kb, question=question)
    return [flag.kind for flag in result.flags]


# --- free only from a count ---------------------------------------------------------------

BIKES = "Bike shop, 5 Herzl St, Haifa.\nCleaning kit: ₪40, free with orders of 3 bikes or more."
GARDEN = "Garden design.\nSite survey: ₪300, free for gardens over 200 m²."
STORAGE = "Storage units.\nPay 12 months upfront and the 13th month is free."
DELIVERY_HE = "רהיטי הגליל.\nהובלה: 150 ₪, חינם בהזמנה של 5 פריטים ומעלה."
TRIAL_HE = "סטודיו לריקוד.\nשיעור ניסיון: 80 ₪, ללא תשלום לנרשמים ל-10 שיעורים ומעלה."
SHOES_HE = "חנות נעליים.\nבקניית 3 זוגות – הזוג הרביעי חינם."


@pytest.mark.parametrize(
    ("knowledge_base", "reply", "question"),
    [
        (BIKES, "The cleaning kit is free 🚲", ""),
        (GARDEN, "The site survey is free, whatever the size of your garden.", ""),
        (STORAGE, "Pay 6 months upfront and the next month is free!", ""),
        (DELIVERY_HE, "ההובלה חינם 😊", ""),
        (TRIAL_HE, "שיעור הניסיון בלי תשלום, לא משנה כמה שיעורים תיקחי", ""),
        (SHOES_HE, "הזוג הרביעי חינם!", ""),
        (BIKES, "Yes, the cleaning kit is free.", "I'm buying 2 bikes, is the kit free?"),
    ],
)
def test_a_thing_free_only_from_a_count_said_free_without_it_is_flagged(
    knowledge_base: str, reply: str, question: str
) -> None:
    assert OFFER in _kinds(reply, knowledge_base, question)


@pytest.mark.parametrize(
    ("knowledge_base", "reply", "question"),
    [
        (BIKES, "The cleaning kit is free when you order 3 bikes or more.", ""),
        (
            GARDEN,
            "Yes, the site survey is free for you.",
            "My garden is 250 m², is the survey free?",
        ),
        (STORAGE, "Pay 12 months upfront and the 13th month is free.", ""),
        (DELIVERY_HE, "ההובלה חינם בהזמנה של 5 פריטים ומעלה 😊", ""),
        (TRIAL_HE, "כן, שיעור הניסיון ללא תשלום.", "נרשמתי ל-10 שיעורים, הניסיון בחינם?"),
        (SHOES_HE, "בקניית 3 זוגות הזוג הרביעי חינם 👟", ""),
    ],
)
def test_a_thing_free_from_a_count_said_with_the_count_passes(
    knowledge_base: str, reply: str, question: str
) -> None:
    assert _kinds(reply, knowledge_base, question) == []


REPAIRS = (
    "Phone lab.\nDiagnosis: ₪50, free if we do the repair.\n"
    "Courier pickup: ₪40, free for repairs over ₪500."
)
REPAIRS_HE = "מעבדת מחשבים.\nאבחון: 60 ₪, בחינם אם מתקנים אצלנו.\nמשלוח עד הבית: 30 ₪, חינם בהזמנות מעל 300 ₪."


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (REPAIRS, "The courier pickup is free for any repair."),
        (REPAIRS_HE, "המשלוח עד הבית בחינם לכל תיקון"),
    ],
)
def test_the_free_line_held_to_a_sentence_is_the_one_sharing_most_words(
    knowledge_base: str, reply: str
) -> None:
    assert OFFER in _kinds(reply, knowledge_base)


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (REPAIRS, "The courier pickup is free for repairs over ₪500."),
        (REPAIRS, "The diagnosis is free if we do the repair."),
        (REPAIRS_HE, "המשלוח עד הבית בחינם בהזמנות מעל 300 ₪"),
    ],
)
def test_the_free_line_said_with_its_own_condition_passes(knowledge_base: str, reply: str) -> None:
    assert _kinds(reply, knowledge_base) == []


ROBOTS = (
    "Robot shop.\nHome setup: ₪150, or free when you buy a robot priced over ₪3,000.\n"
    "Payment: credit card (up to 12 payments without interest), cash."
)
ROBOTS_HE = (
    "חנות רובוטים.\nהתקנה בבית: 150 ₪, חינם ברכישת רובוט מעל 3,000 ₪.\n"
    "תשלום: אשראי עד 12 תשלומים ללא ריבית."
)


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (ROBOTS, "You can split it into 12 interest-free payments by card."),
        (ROBOTS, "Twelve interest free payments on the robot, by credit card."),
        (ROBOTS_HE, "אפשר לפרוס ל-12 תשלומים ללא ריבית באשראי."),
    ],
)
def test_interest_free_payments_are_not_free_of_charge(knowledge_base: str, reply: str) -> None:
    assert _kinds(reply, knowledge_base) == []


# --- a gift voucher for sale is no gift ------------------------------------------------------

VOUCHERS = (
    "Cooking studio.\nWorkshop: ₪290 per person.\nGift vouchers can be bought on our website."
)
VOUCHERS_HE = "סטודיו לבישול.\nסדנה: 290 ₪ למשתתף.\nאפשר לקנות שובר מתנה באתר."
GIFTS = "Cooking studio.\nWorkshop: ₪290 per person.\nA small gift for every birthday guest."
GIFTS_HE = "סטודיו לבישול.\nסדנה: 290 ₪ למשתתף.\nמתנה לכל חוגג יום הולדת."


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (VOUCHERS, "We'll add a free gift for the birthday boy 🎂"),
        (VOUCHERS, "There's a little gift for every birthday guest!"),
        (VOUCHERS_HE, "לחוגגים יש קינוח מתנה מאיתנו 🎂"),
        (VOUCHERS_HE, "נוסיף לך מתנה ליום ההולדת"),
    ],
)
def test_a_gift_against_a_knowledge_base_that_only_sells_vouchers_is_flagged(
    knowledge_base: str, reply: str
) -> None:
    assert _kinds(reply, knowledge_base)  # an offer, or "free" as a price


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (GIFTS, "There's a small gift for every birthday guest 🎁"),
        (GIFTS_HE, "יש מתנה לכל חוגג יום הולדת 🎁"),
    ],
)
def test_a_gift_the_knowledge_base_gives_passes(knowledge_base: str, reply: str) -> None:
    assert _kinds(reply, knowledge_base) == []


# --- "at no extra cost" against "not included" ------------------------------------------------

LESSONS = "Guitar lessons.\nPrivate lesson: ₪150.\nSheet music is sent as PDFs; printed songbooks are not included."
LESSONS_HE = "שיעורי גיטרה.\nשיעור פרטי: 150 ₪.\nהתווים נשלחים כ-PDF; חוברת מודפסת לא כלולה."
LESSONS_IN = "Guitar lessons.\nPrivate lesson: ₪150, printed songbook included."
LESSONS_IN_HE = "שיעורי גיטרה.\nשיעור פרטי: 150 ₪, חוברת מודפסת כלולה."


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (LESSONS, "With the lesson pack the printed songbook comes at no extra cost 🎸"),
        (LESSONS, "The printed songbook is on us."),
        (LESSONS, "Printed songbooks are included 🎸"),
        (LESSONS_HE, "החוברת המודפסת ללא תוספת 🎸"),
        (LESSONS_HE, "החוברת המודפסת כלולה במחיר"),
    ],
)
def test_a_thing_said_free_that_the_knowledge_base_says_is_not_included_is_flagged(
    knowledge_base: str, reply: str
) -> None:
    assert OFFER in _kinds(reply, knowledge_base)


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (LESSONS_IN, "The printed songbook comes at no extra cost 🎸"),
        (LESSONS_IN_HE, "החוברת המודפסת ללא תוספת 🎸"),
    ],
)
def test_a_thing_said_free_that_the_knowledge_base_includes_passes(
    knowledge_base: str, reply: str
) -> None:
    assert _kinds(reply, knowledge_base) == []


# --- one thing of a list priced ---------------------------------------------------------------

SPA = "Spa.\nTowels included; lockers (e.g. the large ones) ₪10 per visit.\nDay pass: ₪120."
SPA_HE = "ספא.\nמגבות כלולות; לוקר: 10 ₪ לביקור.\nכניסה יומית: 120 ₪."
SPA_ALL = "Spa.\nDay pass: ₪120, towels and lockers included."
SPA_ALL_HE = "ספא.\nכניסה יומית: 120 ₪, כולל מגבות ולוקר."


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (SPA, "No extra charge, towels and lockers are both included 🧖"),
        (SPA, "Towels, lockers are included."),
        (SPA_HE, "המגבות והלוקר כלולים 🧖"),
    ],
)
def test_one_thing_of_a_list_said_included_that_its_line_prices_is_flagged(
    knowledge_base: str, reply: str
) -> None:
    assert OFFER in _kinds(reply, knowledge_base)


@pytest.mark.parametrize(
    ("knowledge_base", "reply"),
    [
        (SPA_ALL, "Towels and lockers are included 🧖"),
        (SPA_ALL_HE, "המגבות והלוקר כלולים 🧖"),
        (SPA, "Towels are included 🧖"),
    ],
)
def test_a_list_the_knowledge_base_includes_passes(knowledge_base: str, reply: str) -> None:
    assert _kinds(reply, knowledge_base) == []


# --- a yes to being served at home ------------------------------------------------------------

CLINIC = "Physio clinic, 3 Weizmann St.\nTreatment: ₪300.\nNo home treatments."
CLINIC_HE = "קליניקה לפיזיותרפיה.\nטיפול: 300 ₪.\nאין טיפולים בבית המטופל."
MOBILE = "Physio.\nTreatment: ₪300.\nWe also come to your home in Haifa for ₪100 extra."
BAKERY_HE = "מאפייה.\nעוגת שמרים: 60 ₪.\nאין טיפולים בבית המטופל."


@pytest.mark.parametrize(
    ("knowledge_base", "question", "reply"),
    [
        (CLINIC, "Can you come to my place? My back is killing me", "Sure, no problem!"),
        (CLINIC, "Could you do the session at my home?", "Of course 😊"),
        (CLINIC_HE, "את יכולה להגיע אליי הביתה?", "כן, אין בעיה 🙏"),
        (CLINIC_HE, "אפשר שתבואי אליי?", "בטח!"),
        (CLINIC_HE, "אפשר לעשות את הטיפול אצלי בבית?", "כן, בשמחה"),
    ],
)
def test_a_yes_to_a_home_visit_the_knowledge_base_rules_out_is_flagged(
    knowledge_base: str, question: str, reply: str
) -> None:
    assert _kinds(reply, knowledge_base, question) == [AFFIRMATION]


@pytest.mark.parametrize(
    ("knowledge_base", "question", "reply"),
    [
        (MOBILE, "Can you come to my place?", "Sure, no problem!"),
        (BAKERY_HE, "אפשר לקחת את העוגה הביתה?", "בטח!"),
    ],
)
def test_a_yes_to_a_home_visit_the_knowledge_base_allows_or_to_no_visit_passes(
    knowledge_base: str, question: str, reply: str
) -> None:
    assert AFFIRMATION not in _kinds(reply, knowledge_base, question)
