"""Score the validator on a labelled set: one JSON case per line.

    {"id": "salon-en-01", "knowledge_base": "...", "reply": "...", "grounded": true,
     "language": "en", "hard": false, "question": "...", "category": "paraphrase",
     "note": "..."}

``grounded: true`` means the reply makes no claim the knowledge base does not support. A
case is *flagged* when the validator returns at least one flag. Recall is the share of
ungrounded cases flagged, the false-flag rate the share of grounded cases flagged, and
precision the share of flagged cases that were ungrounded; all three over the cases not
marked ``hard``, which are scored apart.

Optional fields: ``question`` is the customer's messages the reply answers, passed to the
validator (a time the customer proposed and the reply quotes back is no claim; "Sure!" to
an unsupported request is). ``category`` names what a case tests ("action", "paraphrase");
when cases carry one, the report adds recall per category of ungrounded cases and the
false-flag rate per category of grounded cases, overall and per language, each with its
counts, over the cases not marked ``hard``. ``note`` is for the case's author and is not
scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.grounding.validator import Flag, validate_reply

LANGUAGES = ("en", "he")
_REQUIRED: dict[str, type] = {"id": str, "knowledge_base": str, "reply": str, "grounded": bool}
_OPTIONAL_TEXT = ("question", "category", "note")
UNCATEGORISED = "(none)"  # the category of a case without one, in a set where others have one


class CaseError(ValueError):
    """A labelled set that cannot be scored; the message names the line."""


@dataclass(frozen=True)
class Case:
    id: str
    knowledge_base: str
    reply: str
    grounded: bool
    language: str | None = None
    hard: bool = False
    question: str = ""
    category: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    case: Case
    flags: list[Flag]

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def correct(self) -> bool:
        return self.flagged != self.case.grounded


def _case(line_number: int, line: str) -> Case:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise CaseError(f"line {line_number}: not valid JSON ({error.msg})") from error
    if not isinstance(data, dict):
        raise CaseError(f"line {line_number}: expected a JSON object")
    for name, expected in _REQUIRED.items():
        if name not in data:
            raise CaseError(f"line {line_number}: missing field {name!r}")
        if not isinstance(data[name], expected):
            raise CaseError(
                f"line {line_number}: field {name!r} must be {expected.__name__}, "
                f"got {type(data[name]).__name__}"
            )
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        raise CaseError(f"line {line_number}: field 'language' must be one of {LANGUAGES}")
    hard = data.get("hard", False)
    if not isinstance(hard, bool):
        raise CaseError(f"line {line_number}: field 'hard' must be bool")
    for name in _OPTIONAL_TEXT:
        if name in data and not isinstance(data[name], str):
            raise CaseError(
                f"line {line_number}: field {name!r} must be str, got {type(data[name]).__name__}"
            )
    category = data.get("category")
    if category is not None and not category.strip():
        raise CaseError(f"line {line_number}: field 'category' must not be empty")
    return Case(
        id=data["id"],
        knowledge_base=data["knowledge_base"],
        reply=data["reply"],
        grounded=data["grounded"],
        language=language,
        hard=hard,
        question=data.get("question", ""),
        category=category.strip() if category is not None else None,
        note=data.get("note", ""),
    )


def load_cases(path: Path) -> list[Case]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CaseError(f"cannot read {path}: {error}") from error
    cases = [_case(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    if not cases:
        raise CaseError(f"{path}: no cases")
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise CaseError(f"{path}: duplicate id {case.id!r}")
        seen.add(case.id)
    return cases


def run(cases: list[Case]) -> list[Outcome]:
    return [
        Outcome(
            case=case,
            flags=validate_reply(
                reply=case.reply,
                knowledge_base=case.knowledge_base,
                language=case.language,
                question=case.question,
            ).flags,
        )
        for case in cases
    ]


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    ungrounded = [outcome for outcome in outcomes if not outcome.case.grounded]
    grounded = [outcome for outcome in outcomes if outcome.case.grounded]
    flagged = [outcome for outcome in outcomes if outcome.flagged]
    caught = sum(outcome.flagged for outcome in ungrounded)
    return {
        "cases": len(outcomes),
        "recall": _ratio(caught, len(ungrounded)),
        "false_flag_rate": _ratio(sum(outcome.flagged for outcome in grounded), len(grounded)),
        "precision": _ratio(caught, len(flagged)),
    }


def _share(outcomes: list[Outcome], rate: str, count: str) -> dict[str, Any]:
    """One rate with its counts: ``count`` of ``cases`` were flagged."""
    flagged = sum(outcome.flagged for outcome in outcomes)
    return {"cases": len(outcomes), count: flagged, rate: _ratio(flagged, len(outcomes))}


def _per_category(outcomes: list[Outcome], rate: str, count: str) -> dict[str, Any]:
    groups: dict[str, list[Outcome]] = {}
    for outcome in sorted(outcomes, key=lambda o: o.case.category or UNCATEGORISED):
        groups.setdefault(outcome.case.category or UNCATEGORISED, []).append(outcome)
    return {
        category: {
            **_share(group, rate, count),
            "by_language": {
                language: _share([o for o in group if o.case.language == language], rate, count)
                for language in LANGUAGES
            },
        }
        for category, group in groups.items()
    }


def by_category(outcomes: list[Outcome]) -> dict[str, Any] | None:
    """Recall per category of ungrounded cases, false-flag rate per category of grounded
    ones, each overall and per language; None when no case carries a category."""
    if not any(outcome.case.category for outcome in outcomes):
        return None
    return {
        "ungrounded": _per_category(
            [o for o in outcomes if not o.case.grounded], "recall", "caught"
        ),
        "grounded": _per_category(
            [o for o in outcomes if o.case.grounded], "false_flag_rate", "flagged"
        ),
    }


def report(outcomes: list[Outcome]) -> dict[str, Any]:
    scored = [outcome for outcome in outcomes if not outcome.case.hard]
    return {
        **metrics(scored),
        "cases": len(outcomes),
        "scored_cases": len(scored),
        "by_language": {
            language: metrics([o for o in scored if o.case.language == language])
            for language in LANGUAGES
        },
        "hard": metrics([outcome for outcome in outcomes if outcome.case.hard]),
        "by_category": by_category(scored),
        "results": [
            {
                "id": outcome.case.id,
                "flagged": outcome.flagged,
                "grounded": outcome.case.grounded,
                "hard": outcome.case.hard,
                "language": outcome.case.language,
                "category": outcome.case.category,
                "flags": [
                    {
                        "kind": flag.kind,
                        "claim": flag.claim,
                        "reason": flag.reason,
                        "evidence": list(flag.evidence),
                    }
                    for flag in outcome.flags
                ],
            }
            for outcome in outcomes
        ],
    }
