"""What the reply only repeats, the knowledge base word for word or the customer's own
numbers asked back, is no claim; the same numbers stated as the business's are."""

from __future__ import annotations

from agents.grounding.validator import validate_reply

KNOWLEDGE_BASE = """\
Keratin straightening: from ₪900, about 3 hours
Appointments only; cancellation at least 24 hours before.
Colour: ₪350, about 1 hour 20 minutes
Free delivery on orders over ₪150; otherwise ₪25.
Open Sunday-Thursday 09:00-19:00, closed on Saturday.
צבע: 350 ש"ח, כשעה ועשרים דקות
"""


def flagged(reply: str, question: str = "") -> list[str]:
    result = validate_reply(reply=reply, knowledge_base=KNOWLEDGE_BASE, question=question)
    return [flag.claim for flag in result.flags]


def test_two_knowledge_base_lines_quoted_word_for_word_are_not_flagged() -> None:
    reply = "Sure! Keratin straightening: from ₪900, about 3 hours Appointments only; …"
    assert flagged(reply) == []


def test_a_quoted_line_without_its_punctuation_is_still_a_quotation() -> None:
    assert flagged("keratin straightening from ₪900 about 3 hours") == []


def test_a_quoted_price_bound_to_another_service_is_still_flagged() -> None:
    assert flagged("Colour: from ₪900, about 3 hours.") != []


def test_the_knowledge_base_s_free_delivery_threshold_is_not_flagged() -> None:
    assert flagged("Delivery is free over ₪150, otherwise it's ₪25.") == []


def test_an_hour_and_twenty_minutes_in_hebrew_is_eighty_minutes() -> None:
    assert flagged("צבע לוקח בערך שעה ועשרים דקות.") == []
    assert flagged("צבע לוקח שעה ועשרים.") == []
    assert flagged("צבע לוקח שעה ורבע.") == ["שעה ורבע"]


def test_the_customer_s_time_asked_back_is_not_flagged() -> None:
    question = "Can I come on Tuesday at 21:30?"
    assert flagged("Tuesday at 21:30, you said? Let me check with the team.", question) == []
    assert flagged("ביקשת ביום שלישי ב-21:30, נכון?", "אפשר ביום שלישי ב-21:30?") == []


def test_the_customer_s_time_stated_as_ours_is_still_flagged() -> None:
    question = "Can I come on Tuesday at 21:30?"
    assert flagged("We're open on Tuesday until 21:30.", question) != []


def test_numbers_the_customer_told_us_and_the_reply_repeats_are_not_flagged() -> None:
    question = "My number is 052-333-4411, call me after 5. I'll be 15 minutes late"
    reply = "Got it: 052-333-4411, after 5pm, and 15 minutes late. I'll pass it on."
    assert flagged(reply, question) == []
    assert flagged("5 חדרים, הבנתי. אעביר לצוות.", "הדירה 5 חדרים, קומה 3") == []


def test_a_number_the_customer_only_asked_about_is_still_a_claim() -> None:
    assert flagged("Yes, colour is ₪300.", "Is colour ₪300?") == ["₪300"]
    assert flagged('כן, צבע עולה 300 ש"ח.', "כמה עולה צבע, 300?") == ['300 ש"ח']


def test_a_length_of_the_customer_s_own_plan_is_not_flagged() -> None:
    question = "If we cancel two weeks before, do we get the money back?"
    assert flagged("Cancelling two weeks before is fine.", question) == []
    assert flagged("שבועיים לפני זה בסדר גמור 🙂", "ואם נצטרך לבטל שבועיים לפני?") == []


def test_a_length_the_customer_asked_about_is_still_the_service_s_length() -> None:
    assert flagged("A 90-minute colour is ₪350.", "how much is a 90 minute colour?") != []


def test_a_number_told_in_a_clause_before_the_question_is_the_customer_s() -> None:
    question = "My daughter is 17, she wants a session, is that possible?"
    assert flagged("At 17 that's fine.", question) == []
    assert flagged("בגיל 17 זה אפשרי 🙂", "הבת שלי בת 17 רוצה טיפול, זה אפשרי?") == []
    assert flagged("Yes, colour is ₪300.", "Hi, is colour ₪300?") == ["₪300"]
