"""Sizes and spans: a size is no price, "24/7" and "all year" belong to one subject, a length
or an age said with its item; then Hebrew plurals and offer verbs, "only" lists, things sold.

As in ``test_grounding_quantities``, each rule is tested both ways: a paraphrase it must
accept beside an invention it must flag. None of the texts is a holdout case.
"""

from __future__ import annotations

import pytest

from agents.grounding.claims import extract_claims
from agents.grounding.text import normalise
from agents.grounding.topics import overlap, topic_words
from agents.grounding.validator import validate_reply

GOLF = "Private lesson with a pro: ₪250 for 45 minutes. Range session: 60 minutes, ₪40."
HOTEL = (
    "Reception open 24 hours. Pool 8:00-20:00.\nCancellation free up to 24 hours before arrival."
)
STORAGE = 'Units: 2 m² ₪250/month, 5 sqm ₪480/month, 10 מ"ר ₪850/month.\n24/7 CCTV.'
STORE_HE = 'מחסן 10 מ"ר: 850 ש"ח לחודש. מחסן 5 מ"ר: 480 ש"ח לחודש.'
ACCESS = "Access 6:00-22:00 every day with your code.\n24/7 camera surveillance."
KAYAK = "Season: April to October, daily 9:00-17:00."
CAMP_HE = "קייטנת קיץ. עונת הפעילות: יולי-אוגוסט."
PUPPY = "Puppy class (ages 3-6 months): 8 meetings, ₪900."
PAINTER = "דירת 3 חדרים נצבעת ב-2-3 ימי עבודה."
LASER = "משך טיפול ברגליים: כ-45 דקות.\nמרווח בין טיפולים: 4-6 שבועות."
CASH_HE = "תשלום: מזומן או ביט בלבד."
CARD_ONLY = "Payment by credit card or bank transfer only."
BOXES = "Units from ₪250/month.\nBoxes and packing materials sold on site."
PAINT_HE = 'עבודות צבע ושפכטל. צביעת דירת 3 חדרים: 3,500 ש"ח.'


def kinds(reply: str, knowledge_base: str) -> list[str]:
    result = validate_reply(reply=reply, knowledge_base=knowledge_base)
    return [flag.kind for flag in result.flags]


# --- sizes are not prices -------------------------------------------------------------


def test_a_superscript_is_no_digit():
    assert normalise("5 m²").text == "5 m²"
    assert normalise("٣").text == "3"  # other scripts' decimal digits still are


@pytest.mark.parametrize(
    ("reply", "grounded"),
    [
        ("A 5 m² unit is 480 shekels a month.", True),
        ("The smallest unit is 2 m² for ₪250 per month.", True),
        ("A 5 sqm unit is ₪480 a month.", True),
        ("A 5 sqm unit is ₪250 a month.", False),  # the 2 m² price
        ("A 10 square metre unit is ₪850.", True),
    ],
)
def test_a_size_keeps_its_own_price(reply, grounded):
    assert (kinds(reply, STORAGE) == []) is grounded


def test_a_size_keeps_its_own_price_in_hebrew():
    assert kinds('מחסן של 5 מ"ר עולה 480 ₪ לחודש.', STORE_HE) == []
    assert kinds('מחסן של 5 מ"ר עולה 850 ₪ לחודש.', STORE_HE) == ["price"]


def test_a_size_is_not_read_as_a_price():
    prices = [c.value for c in extract_claims(STORAGE) if c.kind == "price"]
    assert sorted(p.amount.low for p in prices) == [250, 480, 850]


# --- round the clock --------------------------------------------------------------------


def test_24_7_is_24_hours_for_the_same_subject():
    assert kinds("Reception is open 24/7, so arriving late is fine.", HOTEL) == []
    assert kinds("Reception is available around the clock.", HOTEL) == []


def test_24_7_of_another_subject_is_flagged():
    assert kinds("The pool is open 24/7.", HOTEL) == ["time"]
    assert kinds("You can access your unit around the clock.", ACCESS) == ["time"]
    assert kinds("Access is 6am to 10pm every day.", ACCESS) == []


def test_24_hours_notice_is_not_round_the_clock():
    assert kinds("We're open 24/7.", "Sun-Thu 8:00-16:00. Cancel 24 hours before.") == ["time"]


def test_round_the_clock_in_hebrew():
    kb = "מוקד חירום זמין 24 שעות ביממה. משרד: א'-ה' 9:00-17:00."
    assert kinds("המוקד זמין 24/7.", kb) == []
    assert kinds("המשרד פתוח מסביב לשעון.", kb) == ["time"]


# --- a length said with a price -----------------------------------------------------------


def test_a_priced_length_must_be_that_items_length():
    assert kinds("A private lesson is ₪250 for 45 minutes.", GOLF) == []
    assert kinds("A private lesson is ₪250 for 60 minutes.", GOLF) == ["duration"]
    assert kinds("A private lesson is ₪250 for a full hour.", GOLF) == ["duration"]
    assert kinds("A range session is 60 minutes for ₪40.", GOLF) == []
    # Two items in two clauses: each length keeps its own price.
    assert kinds("A private lesson is ₪250, and a range session lasts 60 minutes.", GOLF) == []


def test_a_full_hour_is_an_hour():
    [claim] = [c for c in extract_claims("₪250 for a full hour") if c.kind == "duration"]
    assert claim.value.amount.low == 60


# --- a season -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "knowledge_base", "grounded"),
    [
        ("We're open all year round.", KAYAK, False),
        ("We're open daily from April to October.", KAYAK, True),
        ("We're open all year round.", "Open all year. High season prices in summer.", True),
        ("אנחנו פועלים כל השנה.", CAMP_HE, False),
        ("אנחנו פועלים ביולי ובאוגוסט.", CAMP_HE, True),
    ],
)
def test_all_year_against_a_season(reply, knowledge_base, grounded):
    assert (kinds(reply, knowledge_base) == []) is grounded


# --- ages with a unit ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "grounded"),
    [
        ("The puppy group is for puppies up to a year old.", False),
        ("It's for puppies up to 8 months old.", False),
        ("Puppies from 3 to 6 months old can join.", True),
        ("A 4-month-old puppy is perfect for it.", True),
    ],
)
def test_an_age_limit_must_be_stated(reply, grounded):
    assert (kinds(reply, PUPPY) == []) is grounded


def test_a_hebrew_age_in_years_is_no_duration():
    assert kinds("הגן מיועד לילדים עד גיל 6 שנים.", "גן: לילדים בגילאי 3-6.") == []


# --- Hebrew --------------------------------------------------------------------------------


def test_one_work_day_is_a_duration():
    assert kinds("דירת 3 חדרים אנחנו מסיימים ביום עבודה אחד.", PAINTER) == ["duration"]
    assert kinds("נסיים ביום עבודה אחד.", "צביעה: יום עבודה אחד.") == []


def test_hebrew_plurals_share_a_subject():
    assert overlap(topic_words("טיפול"), topic_words("טיפולים")) == 1
    assert kinds("בין טיפול לטיפול צריך לחכות ארבעה עד שישה שבועות.", LASER) == []
    assert kinds("בין טיפול לטיפול צריך לחכות שבועיים.", LASER) == ["duration"]


@pytest.mark.parametrize("verb", ["מבצעים", "מתקינים", "מספקים", "נותנים", "עושים"])
def test_hebrew_offer_verbs(verb):
    assert kinds(f"אנחנו גם {verb} איטום גגות.", PAINT_HE) == ["offer"]
    assert kinds(f"אנחנו {verb} גם עבודות שפכטל.", PAINT_HE) == []


def test_good_news_then_an_offer():
    kb = "Piano tuning: ₪380. Regulation and small repairs: quoted after inspection."
    assert kinds("Good news: we also restore antique pianos.", kb) == ["offer"]
    assert kinds("Good news: we also do small repairs.", kb) == []


# --- exclusive lists and things sold ------------------------------------------------------


def test_only_makes_other_ways_to_pay_unsupported():
    assert kinds("אפשר לשלם גם בכרטיס אשראי.", CASH_HE) == ["offer"]
    assert kinds("אפשר לשלם במזומן או בביט.", CASH_HE) == []
    assert kinds("You can pay in cash at the front desk.", CARD_ONLY) == ["offer"]
    assert kinds("You can pay by credit card.", CARD_ONLY) == []
    assert kinds("Sorry, we don't take cash.", CARD_ONLY) == []


def test_also_after_the_verb_is_an_offer():
    kb = "שכפול מפתחות: 15 ש\"ח. פתוח א'-ה'."
    assert kinds("אפשר גם להזמין משלוח עד הבית.", kb) == ["offer"]
    # A plain "אפשר" is no offer: contact details are not things sold.
    assert kinds("אפשר להתקשר אלינו ל-03-517-2293.", kb + "\nטלפון: 03-517-2293") == []


def test_a_thing_sold_is_not_free():
    assert kinds("We give you free boxes when you rent a unit.", BOXES) == ["offer"]
    assert kinds("You can buy boxes on site.", BOXES) == []
