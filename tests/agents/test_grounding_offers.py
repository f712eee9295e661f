"""Offers said without a number, and what a guarantee covers.

Each group pairs true paraphrases the validator must pass with inventions it must flag, in
English and in Hebrew, and the sentences it must never read (questions, negations, the
escalation sentence, greetings, conditions).
"""

from __future__ import annotations

import pytest

from agents.grounding.validator import validate_reply

BOWLING = (
    "Strike Lanes - City Mall, 2nd floor.\n"
    "Game per person: ₪35. Shoe rental: ₪8.\n"
    "Free parking next door.\n"
    "Bumpers available for kids on request.\n"
    "Birthday package: ₪900, includes 2 games and pizza."
)
STUDIO = (
    "סטודיו תנועה - רחוב הגפן 3, חדרה.\n"
    "סגנונות: יוגה ופילאטיס.\n"
    "חניה חינם ליד הבניין.\n"
    "מזרנים ניתנים במקום ללא תשלום.\n"
    'השכרת מגבת: 10 ש"ח.\n'
    "הרשמה מראש חובה."
)
SHUTTLE = "Door-to-door pickup anywhere in Ashdod and Ashkelon. We do not ship parcels."
HEATER = 'אחריות: 5 שנים על דוד חדש.\nדוד חדש כולל התקנה: 2,500 ש"ח.'
TAILOR = "We guarantee the fit: free re-adjustment within 30 days."


def _kinds(reply: str, kb: str) -> list[str]:
    return [flag.kind for flag in validate_reply(reply=reply, knowledge_base=kb).flags]


@pytest.mark.parametrize(
    "reply",
    [
        "Parking is free nearby, right next door.",
        "Yes, bumpers are available for the kids - just ask.",
        "The birthday package includes two games and pizza.",
        "We can pick you up from anywhere in Ashkelon.",
        "Welcome to Strike Lanes! You're welcome.",
        "Is parking included in your plan?",
        "Shoe rental is not included, it's ₪8.",
        "I'm not sure we have a bar - let me check with the team and get back to you.",
    ],
)
def test_english_paraphrases_and_non_claims_pass(reply: str) -> None:
    assert _kinds(reply, BOWLING + "\n" + SHUTTLE) == []


# A claim a more specific kind reads (a place served, a policy) is flagged as that kind.
@pytest.mark.parametrize(
    ("reply", "kind", "why"),
    [
        ("We also teach guitar and drums.", "offer", "never mentions"),
        ("We also have a billiards room and arcade games.", "offer", "never mentions"),
        ("We can pick you up from Haifa.", "entity", "Ashdod and Ashkelon only"),
        ("Shoe rental is included in the game price.", "offer", "charges for it"),
        ("Walk-ins welcome, no booking needed!", "offer", "walk-ins"),
        ("Shipping is available for your parcels.", "offer", "says otherwise"),
    ],
)
def test_english_inventions_are_flagged(reply: str, kind: str, why: str) -> None:
    flags = validate_reply(reply=reply, knowledge_base=BOWLING + "\n" + SHUTTLE).flags
    assert [flag.kind for flag in flags] == [kind]
    assert why in flags[0].reason
    assert flags[0].claim and reply[flags[0].start : flags[0].end] == flags[0].claim


@pytest.mark.parametrize(
    "reply",
    [
        "יש חניה בחינם ליד הבניין.",
        "המזרן עלינו, הוא ניתן במקום ללא תשלום.",
        "אנחנו מלמדים יוגה ופילאטיס.",
        "ההתקנה כלולה במחיר הדוד החדש.",
        'השכרת מגבת לא כלולה, היא 10 ש"ח.',
        "אפשר לקבוע תור בטלפון?",
        "אני לא בטוחה אם יש מקלחות, אבדוק עם הצוות ואחזור אליך.",
    ],
)
def test_hebrew_paraphrases_and_non_claims_pass(reply: str) -> None:
    assert _kinds(reply, STUDIO + "\n" + HEATER) == []


@pytest.mark.parametrize(
    ("reply", "kind", "why"),
    [
        ("אנחנו מלמדים גם גיטרה.", "offer", "never mentions"),
        ("יש לנו גם סאונה וג'קוזי.", "entity", "names parking only"),
        ("השכרת מגבת כלולה במחיר.", "offer", "charges for it"),
        ("פינוי הדוד הישן כלול בהתקנה.", "offer", "never mentions"),
        ("אפשר להגיע בלי תור.", "policy", "no booking is needed"),
        ("אנחנו מגיעים עד נתניה.", "entity", "Hadera only"),
    ],
)
def test_hebrew_inventions_are_flagged(reply: str, kind: str, why: str) -> None:
    flags = validate_reply(reply=reply, knowledge_base=STUDIO + "\n" + HEATER).flags
    assert flags and {flag.kind for flag in flags} == {kind}
    assert why in flags[0].reason


def test_a_kb_that_takes_walk_ins_backs_them() -> None:
    assert _kinds("Walk-ins are welcome!", "Walk-ins welcome, no appointment needed.") == []
    assert _kinds("אפשר להגיע בלי תור.", "אפשר להגיע גם ללא תור.") == []


def test_a_sentence_already_flagged_is_not_flagged_again() -> None:
    # "free of charge" is the price check's; the Wi-Fi itself, not in the knowledge base,
    # is the amenity the entities check reads. The offer reading adds nothing.
    kinds = _kinds("Wi-Fi is free of charge on every ride.", SHUTTLE)
    assert kinds == ["entity", "price"]


def test_no_extra_charge_is_what_included_says() -> None:
    kb = "Board and wetsuit included in every lesson. Board rental only: ₪70."
    assert _kinds("The board and wetsuit are included, no extra charge.", kb) == []


# --- guarantees -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "kb"),
    [
        ("If the fit isn't right, re-adjustments are free for a month - we guarantee it.", TAILOR),
        ("Guaranteed!", TAILOR),
        ("מובטחת לכם אחריות על הדוד החדש.", HEATER),
    ],
)
def test_a_guarantee_backs_what_it_covers(reply: str, kb: str) -> None:
    assert _kinds(reply, kb) == []


@pytest.mark.parametrize(
    ("reply", "kb"),
    [
        ("We guarantee your dress will be ready in time for the wedding.", TAILOR),
        ("מובטח שלא תהיה לכם יותר בעיה עם המים החמים.", HEATER),
    ],
)
def test_a_guarantee_does_not_back_what_it_does_not_cover(reply: str, kb: str) -> None:
    flags = validate_reply(reply=reply, knowledge_base=kb).flags
    assert [flag.kind for flag in flags] == ["certainty"]
    assert "does not cover" in flags[0].reason


def test_offer_lines_are_facts_beside_an_offer_flag() -> None:
    result = validate_reply(reply="We also teach guitar.", knowledge_base=BOWLING)
    offers = result.facts_by_kind()["offer"]
    assert "Free parking next door." in offers
    assert "Bumpers available for kids on request." in offers


@pytest.mark.parametrize(
    "reply",
    [
        "The first quarter of an hour of waiting is free, after that it's ₪10 per 10 minutes.",
        "רבע השעה הראשונה של ההמתנה בחינם, אחר כך 10 ₪ לכל 10 דקות.",
    ],
)
def test_a_fraction_of_an_hour_is_a_length_not_a_thing_offered(reply: str) -> None:
    knowledge_base = (
        "Waiting time at pickup: first fifteen minutes free, then ₪10 for every 10 minutes.\n"
        "זמן המתנה: 15 הדקות הראשונות חינם, אחר כך 10 ₪ לכל 10 דקות."
    )
    flags = validate_reply(reply=reply, knowledge_base=knowledge_base).flags
    assert [flag for flag in flags if "quarter" in flag.reason or "רבע" in flag.reason] == []
