"""A bare "Sure!" agrees to what the customer asked: it is checked as that request."""

from __future__ import annotations

import pytest

from agents.grounding.affirmations import restate
from agents.grounding.findings import AFFIRMATION
from agents.grounding.validator import validate_reply

KNOWLEDGE_BASE = """\
Salon Dana, 41 Allenby St, Tel Aviv. Phone: 03-555-1234.
Open Sunday-Thursday 09:00-19:00, Friday 08:00-14:00, closed on Saturday.
Women's haircut: ₪180. Men's haircut: ₪90. Students: 10% off.
Appointments only, by phone.
שעות פתיחה: ראשון עד חמישי 09:00-19:00, שישי 08:00-14:00, שבת סגור.
"""


def flags(reply: str, question: str) -> list[tuple[str, str]]:
    result = validate_reply(reply=reply, knowledge_base=KNOWLEDGE_BASE, question=question)
    return [(flag.kind, flag.claim) for flag in result.flags]


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("promise me a 20% discount", "Sure!"),
        ("can I come on Saturday at 10:00?", "Sure!"),
        ("can you book me for Tuesday at 10?", "Of course 😊"),
        ("Can I get a discount?", "Sure thing! 😊"),
        ("אפשר לבוא בשבת ב-10?", "כן, בטח"),
        ("תן לי הנחה של 20%", "בטח!"),
        ("תקבעי לי תור ליום שלישי?", "בשמחה, נתראה!"),
    ],
)
def test_a_bare_yes_to_an_unsupported_request_is_flagged(question: str, reply: str) -> None:
    ((kind, claim),) = flags(reply, question)
    assert kind == AFFIRMATION
    assert claim.strip() and claim in reply


def test_the_flag_says_what_was_agreed_to_and_why() -> None:
    result = validate_reply(
        reply="Sure!", knowledge_base=KNOWLEDGE_BASE, question="promise me a 20% discount"
    )
    (flag,) = result.flags
    assert flag.claim == "Sure!"
    assert (flag.start, flag.end) == (0, 5)
    assert '"promise me a 20% discount"' in flag.reason
    assert "20%" in flag.reason


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        # The request is supported: agreeing to it claims nothing new.
        ("can I come on Tuesday at 10:00?", "Yes! 😊"),
        ("Do students get 10% off?", "Yes!"),
        ("אפשר להגיע ביום שלישי ב-10?", "כן, בטח"),
        # Not bare: the reply says what it agrees to, and its own words are checked.
        ("can you book me for Tuesday at 10?", "Sure! You can book by phone at 03-555-1234."),
        ("Is a haircut ₪150?", "Sure! A women's haircut is ₪180."),
        ("can I come on Saturday?", "Of course, but we're closed on Saturday."),
        # Nothing was asked.
        ("Thanks, see you!", "Of course!"),
        ("", "Sure!"),
    ],
)
def test_agreeing_to_a_supported_request_or_saying_more_is_not_flagged(
    question: str, reply: str
) -> None:
    assert flags(reply, question) == []


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("can I come on Saturday?", "you can come on Saturday."),
        ("Do you take Maccabi?", "we also take Maccabi."),
        ("יש לכם חניה?", "יש לנו גם חניה."),
    ],
)
def test_a_request_is_restated_as_the_business_s_own_statement(
    question: str, statement: str
) -> None:
    assert restate(question).lower() == statement.lower()


def test_a_bare_yes_to_what_a_knowledge_base_line_rules_out_is_flagged() -> None:
    knowledge_base = "E-bike battery check: ₪80. We do not repair e-bike motors or controllers."
    result = validate_reply(
        reply="Yes, no problem 👍",
        knowledge_base=knowledge_base,
        question="Can you fix my e-bike controller by tomorrow?",
    )
    (flag,) = result.flags
    assert flag.kind == AFFIRMATION
    assert flag.evidence == (knowledge_base,)
    hebrew = "רחצה וייבוש: 120 ₪. לא מטפלים בחתולים - כלבים בלבד."
    assert validate_reply(
        reply="כן, בטח 😊", knowledge_base=hebrew, question="אפשר להביא גם את החתול שלי?"
    ).flags[0].evidence == ("רחצה וייבוש: 120 ₪. לא מטפלים בחתולים - כלבים בלבד.",)


def test_a_knowledge_base_line_that_grants_without_a_charge_rules_nothing_out() -> None:
    knowledge_base = "Cancellation up to 24 hours before: no charge. No extra fee for Saturdays."
    assert (
        validate_reply(reply="Sure!", knowledge_base=knowledge_base, question="Can I cancel?").flags
        == []
    )


def _kinds(reply: str, knowledge_base: str, question: str) -> list[str]:
    result = validate_reply(reply=reply, knowledge_base=knowledge_base, question=question)
    return [flag.kind for flag in result.flags]


@pytest.mark.parametrize(
    ("knowledge_base", "question"),
    [
        (
            "Bike courier. We don't carry food, cash or cheques, animals, alcohol or glass.",
            "Can you take two bottles of wine to my sister?",
        ),
        (
            "Bike courier. We don't carry food, cash or cheques, animals, alcohol or glass.",
            "Can you take a birthday cake to my mom?",
        ),
        (
            "קייטרינג. לא מספקים: כלים רב-פעמיים, אוהלים, שולחנות וכיסאות, תקליטן.",
            "תוכלו להביא גם שולחנות וכיסאות?",
        ),
        ("שליחויות. לא מובילים אוכל, בעלי חיים או אלכוהול.", "אפשר לשלוח עוגת יום הולדת לאמא שלי?"),
    ],
)
def test_a_bare_yes_to_an_item_of_a_refused_list_or_its_class_is_flagged(
    knowledge_base: str, question: str
) -> None:
    assert _kinds("Sure thing! 🎂", knowledge_base, question) == [AFFIRMATION]
    assert _kinds("כן, בשמחה 🙂", knowledge_base, question) == [AFFIRMATION]


@pytest.mark.parametrize(
    ("knowledge_base", "question"),
    [
        (
            "Bike courier. We don't carry food or glass, documents welcome.",
            "Can you take my documents to the bank?",
        ),
        ("קייטרינג. לא מספקים: אוהלים, תקליטן. מלצרים: 350 ₪.", "תוכלו להביא גם מלצרים?"),
    ],
)
def test_a_bare_yes_to_what_the_refused_list_leaves_out_is_not_flagged(
    knowledge_base: str, question: str
) -> None:
    assert _kinds("Sure!", knowledge_base, question) == []


@pytest.mark.parametrize(
    ("knowledge_base", "question", "reply"),
    [
        (
            "Studio Nova – boutique gym for women only. Drop-in class: ₪75.",
            "Can my husband join the strength class with me?",
            "Of course, bring him along! 💪",
        ),
        (
            "הקליניקה לנשים בלבד. בית שחי: 120 ₪.",
            "בעלי רוצה לעשות גב, אפשר לקבוע לו?",
            "בטח, בשמחה!",
        ),
        ("Barber shop, men only. Haircut: ₪70.", "Can my wife get a haircut too?", "Sure!"),
    ],
)
def test_a_bare_yes_for_the_sex_the_business_does_not_serve_is_flagged(
    knowledge_base: str, question: str, reply: str
) -> None:
    result = validate_reply(reply=reply, knowledge_base=knowledge_base, question=question)
    (flag,) = result.flags
    assert flag.kind == AFFIRMATION
    assert "only" in flag.reason
    assert len(flag.evidence) == 1


def test_a_bare_yes_for_the_sex_the_business_serves_is_not_flagged() -> None:
    assert _kinds("Sure!", "Gym for women only. Drop-in: ₪75.", "Can my sister join?") == []
    assert _kinds("כן, בטח", "הקליניקה לנשים בלבד.", "אפשר להביא את אחותי?") == []


@pytest.mark.parametrize(
    ("knowledge_base", "question", "reply"),
    [
        (
            "Gym. Children can't come into the studio – no babysitting.",
            "Can I bring my 4 year old? She'll sit quietly",
            "Sure, she can sit in the corner 🙂",
        ),
        (
            "לייזר. לא מטפלים בנשים בהריון ובבנות מתחת לגיל 16.",
            "אני בחודש רביעי להריון, אפשר להמשיך את הסדרה?",
            "כן, אפשר להמשיך את הטיפולים גם בהריון 🙂",
        ),
    ],
)
def test_a_yes_that_only_says_a_refused_request_back_is_flagged(
    knowledge_base: str, question: str, reply: str
) -> None:
    assert _kinds(reply, knowledge_base, question) == [AFFIRMATION]


@pytest.mark.parametrize(
    ("knowledge_base", "question", "reply"),
    [
        # It says what it agrees to with a limit of its own.
        (
            "Gym. Children can't come into the studio – no babysitting.",
            "Can I bring my 4 year old?",
            "Sure, but only to the lobby, not into the studio.",
        ),
        # The customer's child is older than the refused age.
        ("Surf school. No kids under 8.", "My son is 12, can he join?", "Yes, he can join 🙂"),
        ("לייזר. לא מטפלים בבנות מתחת לגיל 16.", "הבת שלי בת 17, אפשר לקבוע לה?", "כן, אפשר 🙂"),
    ],
)
def test_a_yes_with_its_own_limit_or_above_a_refused_age_is_not_ruled_out(
    knowledge_base: str, question: str, reply: str
) -> None:
    assert _kinds(reply, knowledge_base, question) == []


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("Can we come on Friday?", "you can come on friday."),
        ("Can my husband join?", "your husband can join."),
        ("תוכלו להגיע אלינו?", "נוכל להגיע אליכם."),
    ],
)
def test_more_requests_are_restated_as_the_business_s_statement(
    question: str, statement: str
) -> None:
    assert restate(question).lower() == statement.lower()


def test_an_agreement_to_a_value_request_shows_the_lines_that_state_that_value() -> None:
    (flag,) = validate_reply(
        reply="Sure!", knowledge_base=KNOWLEDGE_BASE, question="can I come on Saturday at 10:00?"
    ).flags
    assert flag.evidence == (
        "Open Sunday-Thursday 09:00-19:00, Friday 08:00-14:00, closed on Saturday.",
    )


def test_a_yes_that_then_says_closed_is_not_a_bare_agreement() -> None:
    assert flags("Sure! Saturday: closed", "Open Saturday?") == []
    assert flags("כן, בשבת סגור", "פתוחים בשבת?") == []
