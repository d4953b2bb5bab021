"""`docs/assessment.md` agrees with the code: every field listed, the examples valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tuitrainer.assessment import fields
from tuitrainer.assessment.load import check_battery, check_rules, load_battery
from tuitrainer.locations import builtin_dir

DOC = Path(__file__).resolve().parents[2] / "docs" / "assessment.md"
TEXT = DOC.read_text(encoding="utf-8")


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", TEXT, flags=re.S)


def documented_fields() -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", TEXT, flags=re.M))


@pytest.mark.parametrize(
    "table",
    [
        fields.BATTERY_FIELDS,
        fields.FINDING_FIELDS,
        fields.TEST_FIELDS,
        fields.QUESTION_FIELDS,
        fields.ANSWER_FIELDS,
        fields.RULES_FIELDS,
        fields.RULE_FIELDS,
    ],
)
def test_every_field_has_a_row(table):
    assert {f.name for f in table} <= documented_fields()


def test_the_examples_are_valid_files():
    tests_example, rules_example = yaml_blocks()
    battery, problems = check_battery(tests_example, "docs-tests.yaml")
    assert problems == []
    assert battery is not None
    builtin = load_battery(builtin_dir("assessments") / "hip-tests.yaml")
    assert check_rules(rules_example, "docs-rules.yaml", builtin)[1] == []


def test_the_builtin_rules_say_they_are_the_apps_suggestion():
    text = (builtin_dir("assessments") / "plan-rules.yaml").read_text()
    assert "tuitrainer's own conservative suggestions" in text
    assert "not part of the original routine" in text
