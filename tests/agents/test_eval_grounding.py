"""The eval harness: its output, its metrics, its errors, and the shipped labelled set."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

KNOWLEDGE_BASE = "Men's haircut: ₪90, 30 minutes. Open Sun-Thu 9:00-19:00. Saturday closed."
EVAL_SET = Path(__file__).resolve().parents[2] / "eval" / "grounding.jsonl"


def case(id: str, reply: str, grounded: bool, **extra: object) -> dict[str, object]:
    return {
        "id": id,
        "knowledge_base": KNOWLEDGE_BASE,
        "reply": reply,
        "grounded": grounded,
        **extra,
    }


CASES = [
    case("true-en", "A men's haircut is 90 shekels.", True, language="en"),
    case("true-he", "תספורת גברים עולה 90 ש״ח.", True, language="he"),
    case("false-en", "A men's haircut is ₪120.", False, language="en"),
    case("missed-en", "Our stylists are the best in town.", False, language="en"),
    case("false-he", "בשבת אנחנו פתוחים.", False, language="he"),
    case("false-flag-hard", "Two cuts are ₪180.", True, language="en", hard=True),
]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("eval_grounding", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def cases_file(tmp_path: Path) -> Path:
    lines = [json.dumps(item, ensure_ascii=False) for item in CASES]
    return write(tmp_path / "cases.jsonl", [lines[0], "", *lines[1:]])


def test_it_prints_one_json_object_with_the_metrics(cases_file: Path) -> None:
    report = json.loads(run(str(cases_file), "--json"))
    assert report["cases"] == 6
    assert report["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["false_flag_rate"] == 0.0
    assert report["precision"] == 1.0
    assert report["by_language"]["en"] == {
        "cases": 3,
        "recall": 0.5,
        "false_flag_rate": 0.0,
        "precision": 1.0,
    }
    assert report["by_language"]["he"]["recall"] == 1.0
    assert report["hard"] == {"cases": 1, "recall": None, "false_flag_rate": 1.0, "precision": 0.0}


def test_it_reports_each_case_with_its_flags(cases_file: Path) -> None:
    results = {
        result["id"]: result for result in json.loads(run(str(cases_file), "--json"))["results"]
    }
    assert [result["id"] for result in results.values()] == [item["id"] for item in CASES]
    assert results["true-en"]["flagged"] is False
    assert results["true-en"]["flags"] == []
    [flag] = results["false-en"]["flags"]
    assert flag["kind"] == "price"
    assert flag["claim"] == "₪120"
    assert "₪120" in flag["reason"]


def test_it_prints_a_table_and_the_misclassified_cases(cases_file: Path) -> None:
    output = run(str(cases_file))
    assert "recall" in output
    assert "all (not hard)" in output
    assert "missed-en [ungrounded] MISSED" in output
    assert "false-flag-hard [grounded, hard] FALSE FLAG" in output
    assert "true-en" not in output


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('{"id": "x", "knowledge_base": "", "reply": ""}', "line 2: missing field 'grounded'"),
        (
            '{"id": "x", "knowledge_base": "", "reply": "", "grounded": "yes"}',
            "line 2: field 'grounded' must be bool, got str",
        ),
        (
            '{"id": 7, "knowledge_base": "", "reply": "", "grounded": true}',
            "line 2: field 'id' must be str, got int",
        ),
        (
            '{"id": "x", "knowledge_base": "", "reply": "", "grounded": true, "language": "fr"}',
            "line 2: field 'language' must be one of",
        ),
        ('["a list"]', "line 2: expected a JSON object"),
        (
            '{"id": "x", "knowledge_base": "", "reply": "", "grounded": true, "question": 3}',
            "line 2: field 'question' must be str, got int",
        ),
        (
            '{"id": "x", "knowledge_base": "", "reply": "", "grounded": true, "category": ["a"]}',
            "line 2: field 'category' must be str, got list",
        ),
        (
            '{"id": "x", "knowledge_base": "", "reply": "", "grounded": true, "category": " "}',
            "line 2: field 'category' must not be empty",
        ),
        (
            '{"id": "x", "knowledge_base": "", "reply": "", "grounded": true, "note": null}',
            "line 2: field 'note' must be str, got NoneType",
        ),
    ],
)
def test_it_names_the_line_of_bad_input(tmp_path: Path, bad_line: str, message: str) -> None:
    good = json.dumps(CASES[0], ensure_ascii=False)
    path = write(tmp_path / "bad.jsonl", [good, bad_line])
    with pytest.raises(CommandError, match=message):
        run(str(path), "--json")


CATEGORISED = [
    case(
        "paraphrase-en",
        "A men's haircut is 90 shekels.",
        True,
        language="en",
        category="paraphrase",
    ),
    case("paraphrase-he", "תספורת גברים עולה 90 ש״ח.", True, language="he", category="paraphrase"),
    case("smalltalk-en", "Thanks, have a lovely day!", True, language="en", category="smalltalk"),
    case("price-en", "A men's haircut is ₪120.", False, language="en", category="price"),
    case("price-he", "תספורת גברים עולה 150 ש״ח.", False, language="he", category="price"),
    case("days-he", "בשבת אנחנו פתוחים.", False, language="he", category="days"),
    case(
        "days-missed-en",
        "Our stylists are the best in town.",
        False,
        language="en",
        category="days",
        question="Are you any good?",
        note="no claim the validator can check",
    ),
    case("uncategorised-en", "A men's haircut is ₪200.", False, language="en"),
    case("hard-en", "Two cuts are ₪180.", True, language="en", hard=True, category="paraphrase"),
]


@pytest.fixture
def categorised_file(tmp_path: Path) -> Path:
    lines = [json.dumps(item, ensure_ascii=False) for item in CATEGORISED]
    return write(tmp_path / "categorised.jsonl", lines)


def test_the_report_gives_recall_per_ungrounded_category_with_its_counts(
    categorised_file: Path,
) -> None:
    ungrounded = json.loads(run(str(categorised_file), "--json"))["by_category"]["ungrounded"]
    assert list(ungrounded) == ["(none)", "days", "price"]
    assert ungrounded["days"] == {
        "cases": 2,
        "caught": 1,
        "recall": 0.5,
        "by_language": {
            "en": {"cases": 1, "caught": 0, "recall": 0.0},
            "he": {"cases": 1, "caught": 1, "recall": 1.0},
        },
    }
    assert ungrounded["price"]["recall"] == 1.0
    assert ungrounded["(none)"]["cases"] == 1


def test_the_report_gives_the_false_flag_rate_per_grounded_category_without_hard_cases(
    categorised_file: Path,
) -> None:
    grounded = json.loads(run(str(categorised_file), "--json"))["by_category"]["grounded"]
    assert list(grounded) == ["paraphrase", "smalltalk"]
    assert grounded["paraphrase"] == {
        "cases": 2,
        "flagged": 0,
        "false_flag_rate": 0.0,
        "by_language": {
            "en": {"cases": 1, "flagged": 0, "false_flag_rate": 0.0},
            "he": {"cases": 1, "flagged": 0, "false_flag_rate": 0.0},
        },
    }
    assert grounded["smalltalk"]["by_language"]["he"] == {
        "cases": 0,
        "flagged": 0,
        "false_flag_rate": None,
    }


def test_the_table_lists_each_category_per_language_and_the_customers_question(
    categorised_file: Path,
) -> None:
    output = run(str(categorised_file))
    assert "Recall per category of ungrounded cases" in output
    assert "False flags per category of grounded cases" in output
    [days] = [line for line in output.splitlines() if line.startswith("days ")]
    assert days.split() == ["days", "50.0%", "(1/2)", "0.0%", "(0/1)", "100.0%", "(1/1)"]
    [smalltalk] = [line for line in output.splitlines() if line.startswith("smalltalk ")]
    assert smalltalk.split() == ["smalltalk", "0.0%", "(0/1)", "0.0%", "(0/1)", "-"]
    assert "days-missed-en [ungrounded, days] MISSED" in output
    assert "    customer: Are you any good?" in output


def test_a_set_without_categories_reports_none_and_keeps_its_table(cases_file: Path) -> None:
    assert json.loads(run(str(cases_file), "--json"))["by_category"] is None
    assert "per category" not in run(str(cases_file))


def test_each_result_names_its_category_and_language(categorised_file: Path) -> None:
    results = json.loads(run(str(categorised_file), "--json"))["results"]
    first = results[0]
    assert (first["id"], first["category"], first["language"]) == (
        "paraphrase-en",
        "paraphrase",
        "en",
    )
    assert results[7]["category"] is None
    [flag] = results[3]["flags"]
    assert isinstance(flag["evidence"], list)


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no cases"):
        run(str(write(tmp_path / "empty.jsonl", ["", "  "])))


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        run(str(tmp_path / "nowhere.jsonl"))


def test_it_refuses_duplicate_ids(tmp_path: Path) -> None:
    line = json.dumps(CASES[0], ensure_ascii=False)
    with pytest.raises(CommandError, match="duplicate id 'true-en'"):
        run(str(write(tmp_path / "twice.jsonl", [line, line])))


def test_the_shipped_labelled_set_meets_its_targets() -> None:
    report = json.loads(run(str(EVAL_SET), "--json"))
    cases = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines()]
    assert report["cases"] == len(cases) >= 150
    assert sum(item.get("language") == "he" for item in cases) / len(cases) >= 0.4
    assert report["recall"] >= 0.95
    assert report["false_flag_rate"] <= 0.05
