"""Quantities: days and hours, durations, prices and counts, read as the knowledge base means them.

Each test pairs a paraphrase the validator must accept with an invention it must flag,
so that a rule loosened for one cannot quietly let the other through.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from agents.grounding import values
from agents.grounding.claims import extract, extract_claims
from agents.grounding.topics import overlap
from agents.grounding.validator import validate_reply

BIKES = "Hours: Sunday to Friday 8:00-20:00. Closed on Saturday."
CAR_WASH = "פתוח א'-ו' 7:00-21:00, שבת 9:00-18:00."
KENNEL = "Boarding: ₪140 per night. Stays of 7 nights or more: 10% discount."
SCHOOL = (
    "Group course: 12 weeks, 2 lessons a week, 90 minutes per lesson, NIS 1,450.\n"
    "Private lesson: NIS 180 per 45 minutes.\n"
    "Trial lesson: free.\n"
    "Groups of up to 8 students."
)
AIRCON = "אחריות: שנה על התקנה, 3 חודשים על תיקונים."
VENUE = "Capacity: up to 350 guests seated.\nChildren (ages 3-12) ₪150."
ESCAPE = 'Rooms: "The Vault" (2-6 players), "Asylum" (3-8 players, ages 16+).'
SWIM = 'קבוצת ילדים (עד 6 ילדים, גילאי 5-10): 420 ש"ח לחודש.'


def flags(reply: str, knowledge_base: str) -> list[str]:
    result = validate_reply(reply=reply, knowledge_base=knowledge_base)
    return [flag.kind for flag in result.flags]


# --- days and hours -------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    ["We're open every day except Saturday, 8am to 8pm.", "פתוחים כל יום חוץ משבת, 8:00-20:00."],
)
def test_a_day_after_except_is_taken_out_of_every_day(reply: str) -> None:
    assert flags(reply, BIKES) == []


def test_every_day_without_the_exception_is_still_flagged() -> None:
    assert flags("We're open every day, 8am to 8pm.", BIKES)


def test_a_range_closing_on_a_24_hour_clock_opens_on_one_too() -> None:
    # "9:00-18:00" is 09:00-18:00: its 9:00 must not also read 21:00.
    assert flags("בשבת אנחנו פתוחים עד 21:00.", CAR_WASH) == ["time"]
    assert flags("בשבת אנחנו פתוחים עד 18:00.", CAR_WASH) == []
    assert flags("On Saturday we open at 9am.", CAR_WASH) == []


# --- durations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [("7 nights", 7), ("a night", 1), ("3 לילות", 3), ("לילה אחד", 1)],
)
def test_nights_are_days(text: str, days: int) -> None:
    (claim,) = [claim for claim in extract_claims(text) if claim.kind == values.DURATION]
    assert claim.value == values.Duration(
        values.Amount(Decimal(days * values.DAY), Decimal(days * values.DAY))
    )


def test_a_week_paraphrases_seven_nights_and_five_nights_is_flagged() -> None:
    assert flags("For a week or longer you get 10% off.", KENNEL) == []
    assert flags("Stays of 5 nights or more get 10% off.", KENNEL) == ["duration"]


@pytest.mark.parametrize("text", ["2 lessons a week", "three sessions a month", "4 classes a week"])
def test_a_count_of_things_per_period_is_a_rate_not_a_length(text: str) -> None:
    assert [claim for claim in extract_claims(text) if claim.kind == values.DURATION] == []


def test_two_durations_apart_across_a_comma_are_not_summed() -> None:
    assert flags("Each group lesson is an hour and a half.", SCHOOL) == []
    assert flags("Each group lesson is two hours.", SCHOOL) == ["duration"]


def test_a_length_after_a_label_is_a_duration_in_hebrew() -> None:
    assert flags("על ההתקנה יש אחריות של שנה.", AIRCON) == []
    assert flags("על ההתקנה יש אחריות של שנתיים.", AIRCON) == ["duration"]


def test_a_months_rent_after_a_label_is_no_duration() -> None:
    kb = 'השכרה: חודש שכירות אחד + מע"מ'
    assert [c for c in extract(kb).claims if c.kind == values.DURATION] == []


# --- prices ---------------------------------------------------------------------------


def test_free_after_a_label_is_a_price_of_nothing() -> None:
    assert flags("The first trial lesson is free of charge!", SCHOOL) == []
    assert flags("The first private lesson is free of charge!", SCHOOL) == ["price"]


def test_the_part_after_otherwise_keeps_the_subject_before_it() -> None:
    kb = "Tasting for events over 100 guests: free; otherwise ₪250 (deducted from the order)."
    reply = "Tastings are free for big events; for smaller events it's ₪250."
    assert flags(reply, kb) == []


def test_words_of_one_stem_share_a_subject() -> None:
    assert overlap(frozenset({"cancel"}), frozenset({"cancellation"})) == 1
    assert overlap(frozenset({"arrive"}), frozenset({"arrival"})) == 1
    assert overlap(frozenset({"student"}), frozenset({"studio"})) == 0


# --- counts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "kinds"),
    [
        ("We can seat up to 350 guests.", []),
        ("We can host up to 500 guests.", ["quantity"]),
        ("Groups have at most 12 students.", ["quantity"]),
    ],
)
def test_a_limit_must_be_the_knowledge_bases_number_for_that_noun(
    reply: str, kinds: list[str]
) -> None:
    assert flags(reply, VENUE + "\n" + SCHOOL) == kinds


def test_a_plain_count_is_held_only_to_a_noun_the_knowledge_base_counts() -> None:
    assert flags("Sure, for 4 players the Vault works.", ESCAPE) == []
    assert flags("The Vault takes 12 players.", ESCAPE) == ["quantity"]
    # The knowledge base counts no people: the customer's head count is no claim.
    assert flags("A table for 5 people works.", ESCAPE) == []


def test_an_age_is_a_count_of_its_own() -> None:
    assert flags("Asylum is for ages 16 and up.", ESCAPE) == []
    assert flags("Asylum fits up to 16 players.", ESCAPE) == ["quantity"]
    assert flags("Kids aged 3 to 12 are ₪150 each.", VENUE) == []
    assert flags("We accept kids up to age 14.", VENUE) == ["quantity"]


def test_hebrew_counts_and_limits() -> None:
    assert flags("בקבוצה יש עד 6 ילדים.", SWIM) == []
    assert flags("בקבוצה יש עד 10 ילדים.", SWIM) == ["quantity"]
    assert flags("החוג מתאים לגילאי 5 עד 10.", SWIM) == []


def test_the_hebrew_noun_counted_comes_first() -> None:
    # "2 סוגי שיעורים" counts kinds of lessons, not lessons.
    kb = 'כרטיסייה של 10 שיעורים: 1,550 ש"ח.'
    assert flags("יש לנו 2 סוגי שיעורים.", kb) == []
    assert flags('כרטיסייה של 12 שיעורים עולה 1,550 ש"ח.', kb) == ["quantity"]


def test_plain_counts_are_not_claims_of_the_text_alone() -> None:
    assert extract_claims("We have 3 stylists.") == []
    (claim,) = extract_claims("Up to 20 guests.")
    assert claim.kind == values.QUANTITY
    assert claim.value.describe() == "up to 20 guests"
