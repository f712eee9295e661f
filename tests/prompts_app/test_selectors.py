"""Which prompt a conversation gets: the deployed one, or its sticky arm of an A/B test."""

from __future__ import annotations

import pytest

from prompts_app.models import PromptExperiment
from prompts_app.selectors import (
    CANDIDATE,
    prompt_arm,
    prompt_diff,
    prompt_version_for_conversation,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(prompt_version) -> PromptExperiment:
    candidate = factories.make_prompt_version(number=2, active=False)
    return PromptExperiment.objects.create(
        control=prompt_version, candidate=candidate, candidate_percent=20
    )


def test_without_an_ab_test_every_conversation_gets_the_deployed_version(prompt_version):
    assert prompt_version_for_conversation(conversation_id=1) == prompt_version
    assert prompt_version_for_conversation(conversation_id=2) == prompt_version


def test_the_candidate_gets_about_its_share_of_conversations(experiment):
    arms = [prompt_arm(experiment=experiment, conversation_id=n) for n in range(1, 4001)]

    share = arms.count(CANDIDATE) / len(arms)

    assert 0.18 <= share <= 0.22


def test_a_conversation_keeps_its_arm(experiment):
    first = [prompt_version_for_conversation(conversation_id=n) for n in range(1, 200)]
    again = [prompt_version_for_conversation(conversation_id=n) for n in range(1, 200)]

    assert first == again
    assert {v.number for v in first} == {1, 2}


def test_each_ab_test_draws_its_own_arms(experiment, prompt_version):
    later = PromptExperiment(
        pk=experiment.pk + 1,
        control=prompt_version,
        candidate=experiment.candidate,
        candidate_percent=20,
    )
    arms = [prompt_arm(experiment=experiment, conversation_id=n) for n in range(1, 500)]
    later_arms = [prompt_arm(experiment=later, conversation_id=n) for n in range(1, 500)]

    # Not the same customers in the candidate arm every time.
    assert arms != later_arms


def test_the_diff_shows_removed_and_added_lines_with_context():
    old = "one\ntwo\nthree\nfour\n"
    new = "one\ntwo\n3\nfour\nfive\n"

    diff = [(line.kind, line.text) for line in prompt_diff(old=old, new=new, context=1)]

    assert diff == [
        ("same", "two"),
        ("removed", "three"),
        ("added", "3"),
        ("same", "four"),
        ("added", "five"),
    ]
