"""Score the grounding validator on a labelled set.

    python manage.py eval_grounding eval/grounding.jsonl          # summary, then the misses
    python manage.py eval_grounding eval/grounding.jsonl -v 2     # every case
    python manage.py eval_grounding eval/grounding.jsonl --json   # one JSON object

When cases carry a ``category``, the summary adds recall per ungrounded category and the
false-flag rate per grounded category, overall, in English and in Hebrew, each with its
counts. The case format and the metrics are described in ``agents.grounding.evaluation``. Needs
no database: it can run before migrations, in CI, on a laptop.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from agents.grounding.evaluation import LANGUAGES, CaseError, Outcome, load_cases, report, run


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _share(metrics: dict[str, Any], rate: str, count: str) -> str:
    """ "95.0% (19/20)", or "-" when there is no case."""
    if not metrics["cases"]:
        return "-"
    return f"{_percent(metrics[rate])} ({metrics[count]}/{metrics['cases']})"


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class Command(BaseCommand):
    help = "Score the grounding validator on a JSONL file of labelled replies."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="one JSON case per line")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            cases = load_cases(options["file"])
        except CaseError as error:
            raise CommandError(str(error)) from error
        outcomes = run(cases)
        summary = report(outcomes)
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        self._table(summary)
        verbose = options["verbosity"] >= 2
        shown = [o for o in outcomes if verbose or not o.correct]
        if shown:
            self.stdout.write("")
            self.stdout.write("Every case:" if verbose else "Misclassified:")
            for outcome in shown:
                self._case(outcome)

    def _table(self, summary: dict[str, Any]) -> None:
        rows = [("all (not hard)", {**summary, "cases": summary["scored_cases"]})]
        rows += [(f"  {language}", summary["by_language"][language]) for language in ("en", "he")]
        rows.append(("hard", summary["hard"]))
        self.stdout.write(
            f"{'':16} {'cases':>6} {'recall':>8} {'false flags':>12} {'precision':>10}"
        )
        for label, metrics in rows:
            self.stdout.write(
                f"{label:16} {metrics['cases']:>6} {_percent(metrics['recall']):>8} "
                f"{_percent(metrics['false_flag_rate']):>12} {_percent(metrics['precision']):>10}"
            )
        self.stdout.write(f"{summary['cases']} cases in the file")
        categories = summary.get("by_category")
        if categories:
            self._categories(
                "Recall per category of ungrounded cases (not hard): caught/cases",
                categories["ungrounded"],
                "recall",
                "caught",
            )
            self._categories(
                "False flags per category of grounded cases (not hard): flagged/cases",
                categories["grounded"],
                "false_flag_rate",
                "flagged",
            )

    def _categories(self, title: str, rows: dict[str, Any], rate: str, count: str) -> None:
        if not rows:
            return
        width = max(16, *(len(category) for category in rows))
        self.stdout.write("")
        self.stdout.write(title)
        columns = ("all", *LANGUAGES)
        self.stdout.write(f"{'':{width}} " + " ".join(f"{c:>16}" for c in columns))
        for category, metrics in rows.items():
            cells = [metrics, *(metrics["by_language"][language] for language in LANGUAGES)]
            self.stdout.write(
                f"{category:{width}} " + " ".join(f"{_share(m, rate, count):>16}" for m in cells)
            )

    def _case(self, outcome: Outcome) -> None:
        case = outcome.case
        verdicts = {True: "ok", False: "FALSE FLAG" if case.grounded else "MISSED"}
        verdict = verdicts[outcome.correct]
        label = "grounded" if case.grounded else "ungrounded"
        category = f", {case.category}" if case.category else ""
        hard = ", hard" if case.hard else ""
        self.stdout.write(
            f"- {case.id} [{label}{category}{hard}] {verdict}: {_shorten(case.reply, 100)}"
        )
        if case.question:
            self.stdout.write(f"    customer: {_shorten(case.question, 100)}")
        for flag in outcome.flags:
            self.stdout.write(f"    {flag.kind}: {flag.claim!r}: {flag.reason}")
