"""Score the validator on a labelled set: one JSON case per line.

    {"id": "salon-en-01", "knowledge_base": "...", "reply": "...", "grounded": true,
     "language": "en", "hard": false}

``grounded: true`` means the reply makes no claim the knowledge base does not support. A
case is *flagged* when the validator returns at least one flag. Recall is the share of
ungrounded cases flagged, the false-flag rate the share of grounded cases flagged, and
precision the share of flagged cases that were ungrounded; all three over the cases not
marked ``hard``, which are scored apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.grounding.validator import Flag, validate_reply

LANGUAGES = ("en", "he")
_REQUIRED: dict[str, type] = {"id": str, "knowledge_base": str, "reply": str, "grounded": bool}


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
    return Case(
        id=data["id"],
        knowledge_base=data["knowledge_base"],
        reply=data["reply"],
        grounded=data["grounded"],
        language=language,
        hard=hard,
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
                reply=case.reply, knowledge_base=case.knowledge_base, language=case.language
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
        "results": [
            {
                "id": outcome.case.id,
                "flagged": outcome.flagged,
                "grounded": outcome.case.grounded,
                "hard": outcome.case.hard,
                "flags": [
                    {"kind": flag.kind, "claim": flag.claim, "reason": flag.reason}
                    for flag in outcome.flags
                ],
            }
            for outcome in outcomes
        ],
    }
