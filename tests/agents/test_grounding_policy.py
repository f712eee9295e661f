"""What an agent does with a reply, by policy and by the number of flags."""

from __future__ import annotations

import pytest

from agents.grounding.validator import Decision, Flag, Policy, decide


def flags(count: int) -> list[Flag]:
    return [Flag("price", "₪200", 0, 4, "not in the knowledge base")] * count


@pytest.mark.parametrize(
    ("policy", "count", "decision"),
    [
        (Policy.DEFAULT, 0, Decision.SEND),
        (Policy.DEFAULT, 1, Decision.HOLD),
        (Policy.DEFAULT, 2, Decision.HOLD),
        (Policy.DEFAULT, 3, Decision.FALLBACK),
        (Policy.DEFAULT, 7, Decision.FALLBACK),
        (Policy.PASS, 0, Decision.SEND),
        (Policy.PASS, 5, Decision.SEND),
        (Policy.LOG, 0, Decision.SEND),
        (Policy.LOG, 1, Decision.SEND_AND_LOG),
        (Policy.LOG, 5, Decision.SEND_AND_LOG),
        (Policy.REVIEW, 0, Decision.SEND),
        (Policy.REVIEW, 1, Decision.HOLD),
        (Policy.REVIEW, 5, Decision.HOLD),
        (Policy.FALLBACK, 0, Decision.SEND),
        (Policy.FALLBACK, 1, Decision.FALLBACK),
    ],
)
def test_it_decides_by_policy_and_flag_count(
    policy: Policy, count: int, decision: Decision
) -> None:
    assert decide(flags=flags(count), policy=policy) is decision


def test_the_default_policy_is_the_default() -> None:
    assert decide(flags=flags(1)) is Decision.HOLD


def test_it_takes_the_policy_as_stored_in_a_char_field() -> None:
    assert decide(flags=flags(1), policy="fallback") is Decision.FALLBACK
    assert Policy("review") == "review"
    assert isinstance(Policy.DEFAULT, str)


def test_it_rejects_an_unknown_policy() -> None:
    with pytest.raises(ValueError):
        decide(flags=flags(1), policy="shrug")


def test_it_offers_choices_for_a_model_field() -> None:
    assert ("default", "Default") in Policy.choices()
    assert [value for value, _ in Policy.choices()] == [
        "pass",
        "log",
        "review",
        "fallback",
        "default",
    ]
