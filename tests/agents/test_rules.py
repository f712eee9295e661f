"""Rule-based answers in English and Hebrew, and the default rule set."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from agents.models import Business, Rule
from agents.rules import pattern_problem, rule_match
from agents.services import business_install_defaults, rule_create, rule_update
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def business(tenant) -> Business:
    return tenant.business


def make_rule(business: Business, **fields) -> Rule:
    defaults = {"name": "Rule", "kind": Rule.Kind.KEYWORDS, "language": "", "priority": 100}
    return Rule.objects.create(business=business, **(defaults | fields))


def answer(business: Business, text: str, language: str = "en") -> str | None:
    rule = rule_match(business=business, text=text, language=language)
    return rule.response if rule else None


# --- keywords ---------------------------------------------------------------------------------


def test_a_keyword_matches_as_a_whole_word_in_any_case(business):
    make_rule(business, match="price, cost", response="Prices soon.")
    assert answer(business, "What's the PRICE?") == "Prices soon."
    assert answer(business, "Does it cost much") == "Prices soon."
    assert answer(business, "That was priceless") is None
    assert answer(business, "costume party") is None


def test_a_keyword_phrase_matches_across_any_spacing(business):
    make_rule(business, match="how much", response="Prices soon.")
    assert answer(business, "How   much is a haircut?") == "Prices soon."
    assert answer(business, "how is it much") is None


def test_a_hebrew_keyword_matches_with_prefixes_glued_to_it(business):
    make_rule(business, match="מחיר", language="he", response="מחירים בקרוב.")
    for text in ("מה המחיר?", "ובמחיר הזה?", "שאלה לגבי מחיר", "וכשהמחיר עולה?"):
        assert answer(business, text, "he") == "מחירים בקרוב.", text
    assert answer(business, "מחירון", "he") is None  # another word, not a prefixed one


def test_excellent_is_not_a_question_about_prices(business):
    business_install_defaults(business=business)
    assert answer(business, "מעולה, תודה!", "he").startswith("בשמחה")


def test_hebrew_matching_ignores_niqqud(business):
    make_rule(business, match="שלום", language="he", response="שלום!")
    assert answer(business, "שָׁלוֹם", "he") == "שלום!"


def test_prefix_letters_are_not_tolerated_on_english_keywords(business):
    make_rule(business, match="hours", response="Hours soon.")
    assert answer(business, "whours") is None


# --- patterns ---------------------------------------------------------------------------------


def test_a_pattern_rule_matches_case_insensitively(business):
    make_rule(business, kind=Rule.Kind.PATTERN, match=r"\bopen\s+(on|at)\b", response="Hours.")
    assert answer(business, "Are you OPEN on Friday?") == "Hours."
    assert answer(business, "Is the door open?") is None


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(unclosed", "This is not a valid regular expression"),
        ("(a+)+$", "can take forever"),
        ("x" * 301, "under 300 characters"),
        ("", "Enter a pattern"),
    ],
)
def test_a_bad_pattern_is_explained(pattern, problem):
    assert problem in pattern_problem(pattern)


def test_a_rule_with_a_bad_pattern_is_not_saved(business):
    with pytest.raises(ValidationError) as caught:
        rule_create(
            business=business, name="Broken", kind=Rule.Kind.PATTERN, match="[", response="x"
        )
    assert "not a valid regular expression" in str(caught.value.message_dict["match"])
    assert not Rule.objects.exists()


def test_an_update_that_breaks_the_pattern_changes_nothing(business):
    rule = make_rule(business, kind=Rule.Kind.PATTERN, match="open", response="Hours.")
    with pytest.raises(ValidationError):
        rule_update(rule=rule, match="(open", response="Changed")
    rule.refresh_from_db()
    assert (rule.match, rule.response) == ("open", "Hours.")


def test_a_keywords_rule_needs_a_keyword(business):
    with pytest.raises(ValidationError):
        rule_create(business=business, name="Empty", match=" , ", response="x")


# --- choosing the rule ------------------------------------------------------------------------


def test_the_first_matching_rule_by_priority_answers(business):
    make_rule(business, name="Greeting", match="hi", response="Hello!", priority=90)
    make_rule(business, name="Prices", match="how much", response="Prices soon.", priority=10)
    assert answer(business, "Hi, how much is a haircut?") == "Prices soon."


def test_a_rule_for_another_language_does_not_answer(business):
    make_rule(business, match="ok", language="he", response="בסדר")
    make_rule(business, match="sale", language="", response="Any language.")
    assert answer(business, "ok", "en") is None
    assert answer(business, "ok", "he") == "בסדר"
    assert answer(business, "sale", "he") == "Any language."


def test_an_inactive_rule_does_not_answer(business):
    make_rule(business, match="hi", response="Hello!", is_active=False)
    assert answer(business, "hi") is None


def test_the_default_of_the_messages_language_answers_when_nothing_matches(business):
    make_rule(business, name="Default", is_default=True, language="en", response="We'll reply.")
    make_rule(business, name="Default", is_default=True, language="he", response="נחזור אליך.")
    make_rule(business, name="Any", is_default=True, language="", response="Any.", priority=1)
    assert answer(business, "something else", "en") == "We'll reply."
    assert answer(business, "משהו אחר", "he") == "נחזור אליך."
    assert answer(business, "Bonjour", "fr") == "Any."


def test_without_a_match_or_a_default_there_is_no_answer(business):
    make_rule(business, match="hi", response="Hello!")
    assert rule_match(business=business, text="anything", language="en") is None


def test_another_businesss_rules_never_answer(business):
    other = factories.make_business(name="Other")
    make_rule(other, match="hi", response="Other hello")
    make_rule(other, is_default=True, language="en", response="Other default")
    assert answer(business, "hi") is None


# --- the default set --------------------------------------------------------------------------


def test_the_default_set_answers_the_common_questions_in_english(business):
    business_install_defaults(business=business)
    assert "prices" in answer(business, "Hi! How much is a men's haircut?")
    assert "opening hours" in answer(business, "Are you open on Friday?")
    assert "address" in answer(business, "Where are you located? what's the address")
    assert "book you in" in answer(business, "Can I book an appointment tomorrow?")
    assert answer(business, "Thanks a lot!").startswith("You're welcome")
    assert answer(business, "Hello").startswith("Hello!")
    assert answer(business, "Do you sell gift cards?") == (
        "Thanks for your message! A member of our team will get back to you shortly."
    )


def test_the_default_set_answers_the_common_questions_in_hebrew(business):
    business_install_defaults(business=business)
    assert "המחירים" in answer(business, "שלום, כמה עולה תספורת גברים?", "he")
    assert "המחירים" in answer(business, "מה המחיר?", "he")
    assert "שעות הפתיחה" in answer(business, "אתם פתוחים ביום שישי?", "he")
    assert "הכתובת" in answer(business, "איפה אתם נמצאים?", "he")
    assert "תור" in answer(business, "אפשר לקבוע תור למחר?", "he")
    assert answer(business, "תודה רבה!", "he").startswith("בשמחה")
    assert answer(business, "היי", "he").startswith("שלום!")
    assert (
        answer(business, "יש לכם כרטיסי מתנה?", "he")
        == "תודה על ההודעה! נציג מהצוות יחזור אליך בהקדם."
    )


def test_the_default_set_never_states_a_fact_a_rule_cannot_know(business):
    rules = business_install_defaults(business=business)
    for rule in rules:
        assert not any(ch.isdigit() for ch in rule.response), rule.response
        assert "₪" not in rule.response


def test_installing_the_defaults_twice_creates_nothing_new_and_keeps_edits(business):
    first = business_install_defaults(business=business)
    prices = Rule.objects.get(business=business, name="Prices", language="en")
    prices.response = "Haircuts from ₪90."
    prices.save(update_fields=["response"])

    assert business_install_defaults(business=business) == []
    assert Rule.objects.filter(business=business).count() == len(first) == 14
    prices.refresh_from_db()
    assert prices.response == "Haircuts from ₪90."
    assert set(Rule.objects.values_list("language", flat=True)) == {"en", "he"}
