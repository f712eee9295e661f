"""Cached answers: the normalised question key, storing, and lookups that count their hits."""

from __future__ import annotations

import pytest

from agents.answer_cache import answer_cache_lookup, answer_cache_store, question_key
from agents.models import CachedAnswer
from tests import factories

# --- the key ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("How much is a haircut?", "how much is a haircut"),
        ("  HOW much   is a haircut!!! 💇‍♀️ ", "how much is a haircut"),
        ("Hi! How much is a haircut, please? Thanks", "how much is a haircut"),
        ("Hello, how much is a haircut? thank you!", "how much is a haircut"),
        ("What's the price?", "whats the price"),
        ("היי, כמה עולה תספורת? בבקשה", "כמה עולה תספורת"),
        ("כַּמָּה עוֹלָה תִּסְפּוֹרֶת?", "כמה עולה תספורת"),
        ("כמה עולה תספורת? תודה רבה!", "כמה עולה תספורת"),
        ("מחיר בש״ח?", "מחיר בשח"),
    ],
)
def test_the_key_ignores_case_punctuation_emoji_niqqud_and_filler(question, key):
    assert question_key(question) == key


def test_the_key_keeps_word_order():
    assert question_key("is it open") != question_key("it is open")


def test_a_question_of_nothing_but_filler_keeps_its_words():
    assert question_key("Thanks!") == "thanks"
    assert question_key("Hi!") == "hi"
    assert question_key("Thanks!") != question_key("Hi!")


def test_a_question_with_no_words_has_an_empty_key():
    assert question_key("👍🙏 !!") == ""


# --- store and look up ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_stored_answer_is_found_for_the_same_question_asked_differently(tenant):
    answer_cache_store(
        agent=tenant.agent,
        question="How much is a men's haircut?",
        answer="A men's haircut is ₪90.",
        language="en",
    )

    hit = answer_cache_lookup(agent=tenant.agent, question="hi, how much is a MENS haircut 🙏")

    assert hit is not None
    assert hit.answer == "A men's haircut is ₪90."
    assert hit.hits == 1
    assert hit.last_hit_at is not None


@pytest.mark.django_db
def test_each_hit_is_counted(tenant):
    answer_cache_store(
        agent=tenant.agent, question="Where are you?", answer="Herzl 12.", language="en"
    )
    for _ in range(3):
        answer_cache_lookup(agent=tenant.agent, question="where are you")
    assert CachedAnswer.objects.get().hits == 3


@pytest.mark.django_db
def test_a_different_question_is_a_miss_and_counts_nothing(tenant):
    answer_cache_store(
        agent=tenant.agent, question="Where are you?", answer="Herzl 12.", language="en"
    )

    assert answer_cache_lookup(agent=tenant.agent, question="When are you open?") is None
    entry = CachedAnswer.objects.get()
    assert entry.hits == 0 and entry.last_hit_at is None


@pytest.mark.django_db
def test_storing_the_same_question_again_replaces_the_answer(tenant):
    answer_cache_store(agent=tenant.agent, question="Price?", answer="Old answer.", language="en")
    answer_cache_store(agent=tenant.agent, question="price", answer="New answer.", language="en")

    entry = CachedAnswer.objects.get()
    assert entry.answer == "New answer."
    assert entry.question == "price"


@pytest.mark.django_db
def test_one_agents_cache_is_not_anothers(tenant):
    other = factories.make_agent(business=tenant.business)
    answer_cache_store(agent=tenant.agent, question="Price?", answer="₪90.", language="en")
    assert answer_cache_lookup(agent=other, question="Price?") is None


@pytest.mark.django_db
def test_questions_without_words_or_too_long_to_recur_are_not_cached(tenant):
    assert (
        answer_cache_store(agent=tenant.agent, question="👍", answer="Great!", language="en")
        is None
    )
    long_question = "word " * 100
    assert (
        answer_cache_store(agent=tenant.agent, question=long_question, answer="x", language="en")
        is None
    )
    assert answer_cache_lookup(agent=tenant.agent, question="👍") is None
    assert not CachedAnswer.objects.exists()


@pytest.mark.django_db
def test_a_hebrew_answer_is_stored_with_its_language(tenant):
    answer_cache_store(
        agent=tenant.agent, question="כמה עולה תספורת?", answer="₪90.", language="he"
    )
    hit = answer_cache_lookup(agent=tenant.agent, question="היי, כמה עולה תספורת")
    assert hit is not None and hit.language == "he"
