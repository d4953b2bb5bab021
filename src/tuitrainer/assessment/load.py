"""Read the assessment files: the tests (with their findings) and the plan rules.

Both go through the session loader's steps (decode, compose, check_nodes) and
its `check_mapping`, so a broken file gives `file:line:col: message` lines in
the same words as a broken session. A file of the same name in
`<data dir>/assessments/` replaces the built-in one, so a clinician can adapt
the tests or the rules without touching the app.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from yaml.nodes import Node

from ..locations import Locations
from ..session.checker import Checker, _suggest, quote
from ..session.problems import Problem, SessionError
from ..session.validate import check_mapping
from ..session.yaml_nodes import check_nodes, compose, decode
from .fields import (
    ANSWER_FIELDS,
    BATTERY_FIELDS,
    EXTRA_CHECKS,
    FINDING_FIELDS,
    QUESTION_FIELDS,
    RULE_FIELDS,
    RULES_FIELDS,
    TEST_FIELDS,
)
from .model import Answer, Battery, FindingInfo, HipTest, Question, Rule, Rules

TESTS_FILE = "hip-tests.yaml"
RULES_FILE = "plan-rules.yaml"


def assessment_file(locations: Locations, name: str) -> Path:
    """The user's copy of an assessment file if there is one, else the built-in."""
    mine = locations.user_assessments / name
    return mine if mine.is_file() else locations.builtin_assessments / name


def _root(data: bytes | str, path: str) -> tuple[Node | None, list[Problem]]:
    """The checked YAML node tree of a file, or the problems that stop it."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(path, 1, 1, "the file is empty (or only comments)")]
    root, problems = compose(text, path)
    if root is None:
        return None, problems
    problems = check_nodes(root, path)
    return (None, problems) if problems else (root, [])


def _mapping(ck: Checker, node: Node, fields: Any, what: str) -> Any:
    return check_mapping(ck, node, fields, what, EXTRA_CHECKS)


def _unique(ck: Checker, node: Node, value: str, seen: set[str], what: str) -> None:
    if value in seen:
        ck.add(node, f"{what} {quote(value)} is used twice; each needs its own")
    seen.add(value)


def _answer(
    ck: Checker, node: Node, where: str, seen: dict[str, set[str]], known: list[str]
) -> Answer | None:
    checked = _mapping(ck, node, ANSWER_FIELDS, where)
    if checked is None:
        return None
    values, nodes = checked
    finding = values.get("finding")
    if finding is not None and finding not in known:
        ck.add(
            nodes["finding"],
            f"finding {finding!r} is not in the file's findings{_suggest(finding, known)}",
        )
    if "id" in values:
        _unique(ck, nodes["id"], values["id"], seen["id"], "answer id")
    if "key" in values:
        _unique(ck, nodes["key"], values["key"], seen["key"], "key")
    if not {"id", "key", "label"} <= values.keys():
        return None
    return Answer(
        values["id"],
        values["key"],
        values["label"],
        values.get("finding"),
        values.get("finding_side", "same"),
    )


def _question(ck: Checker, node: Node, where: str, known: list[str]) -> Question | None:
    checked = _mapping(ck, node, QUESTION_FIELDS, where)
    if checked is None:
        return None
    values, nodes = checked
    answers: list[Answer] = []
    seen: dict[str, set[str]] = {"id": set(), "key": set()}
    for number, item in enumerate(values.get("answers", []), 1):
        answer = _answer(ck, item, f"answer {number} of {where}", seen, known)
        if answer is not None:
            answers.append(answer)
    if "answers" in values and len(values["answers"]) < 2:
        ck.add(nodes["answers"], f"{where} needs at least two answers")
    if not {"id", "prompt"} <= values.keys() or not answers:
        return None
    return Question(values["id"], values["prompt"], tuple(answers))


def _test(ck: Checker, node: Node, number: int, seen: set[str], known: list[str]) -> HipTest | None:
    where = f"test {number}"
    checked = _mapping(ck, node, TEST_FIELDS, where)
    if checked is None:
        return None
    values, nodes = checked
    if "id" in values:
        _unique(ck, nodes["id"], values["id"], seen, "test id")
    sides = values.get("sides", ["left", "right"])
    if "both" in sides:
        ck.add(nodes["sides"], "a test is done on the left and the right, not [both]")
    questions: list[Question] = []
    ids: set[str] = set()
    for index, item in enumerate(values.get("questions", []), 1):
        question = _question(ck, item, f"question {index} of {where}", known)
        if question is not None:
            _unique(ck, item, question.id, ids, "question id")
            questions.append(question)
    if not {"id", "name", "steps"} <= values.keys() or not questions:
        return None
    return HipTest(
        id=values["id"],
        name=values["name"],
        setup=values.get("setup", ""),
        steps=tuple(values["steps"]),
        sides=tuple(sides),
        questions=tuple(questions),
        hold_seconds=float(values.get("hold_seconds", 0)),
        hold_cue=values.get("hold_cue", ""),
        wording=values.get("wording", ""),
    )


def _top(
    data: bytes | str, path: str, fields: Any, what: str
) -> tuple[Checker, dict[str, Any]] | list[Problem]:
    """The checked top-level mapping of a file and its checker, or the problems that stop it."""
    root, problems = _root(data, path)
    if root is None:
        return problems
    ck = Checker(path)
    checked = _mapping(ck, root, fields, what)
    return ck.problems if checked is None else (ck, checked[0])


def _findings(ck: Checker, items: list[Node]) -> list[FindingInfo]:
    findings: list[FindingInfo] = []
    seen: set[str] = set()
    for number, item in enumerate(items, 1):
        found = _mapping(ck, item, FINDING_FIELDS, f"finding {number}")
        if found is None:
            continue
        values, nodes = found
        if "id" in values:
            _unique(ck, nodes["id"], values["id"], seen, "finding id")
        if {"id", "name"} <= values.keys():
            findings.append(FindingInfo(values["id"], values["name"], values.get("meaning", "")))
    return findings


def check_battery(data: bytes | str, path: str) -> tuple[Battery | None, list[Problem]]:
    """Every problem in a tests file, and the tests when there are none."""
    top = _top(data, path, BATTERY_FIELDS, "the assessment")
    if isinstance(top, list):
        return None, top
    ck, values = top
    findings = _findings(ck, values.get("findings", []))
    tests: list[HipTest] = []
    test_ids: set[str] = set()
    for number, item in enumerate(values.get("tests", []), 1):
        test = _test(ck, item, number, test_ids, sorted(f.id for f in findings))
        if test is not None:
            tests.append(test)
    if ck.problems:
        return None, sorted(ck.problems)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    battery = Battery(
        title=values["name"],
        description=values.get("description", ""),
        tests=tuple(tests),
        findings=tuple(findings),
        path=Path(path),
        digest=hashlib.sha256(raw).hexdigest(),
    )
    return battery, []


def _rule(ck: Checker, node: Node, number: int, known: list[str] | None) -> Rule | None:
    found = _mapping(ck, node, RULE_FIELDS, f"rule {number}")
    if found is None:
        return None
    values, nodes = found
    finding = values.get("finding")
    if known is not None and finding is not None and finding not in known:
        ck.add(
            nodes["finding"],
            f"finding {finding!r} is not one the tests give{_suggest(finding, known)}; "
            f"findings are {', '.join(known)}",
        )
    if "extra_reps" not in nodes and "extra_sets" not in nodes:
        ck.add(node, f"rule {number} changes nothing; give extra_reps or extra_sets")
    if not {"finding", "exercises", "why"} <= values.keys():
        return None
    return Rule(
        finding=values["finding"],
        exercises=tuple(values["exercises"]),
        why=values["why"],
        extra_reps=values.get("extra_reps", 0),
        extra_sets=values.get("extra_sets", 0),
    )


def check_rules(
    data: bytes | str, path: str, battery: Battery | None = None
) -> tuple[Rules | None, list[Problem]]:
    """Every problem in a rules file; with the tests, unknown findings are problems too."""
    top = _top(data, path, RULES_FIELDS, "the rules")
    if isinstance(top, list):
        return None, top
    ck, values = top
    known = sorted(f.id for f in battery.findings) if battery else None
    rules = [
        rule
        for number, item in enumerate(values.get("rules", []), 1)
        if (rule := _rule(ck, item, number, known)) is not None
    ]
    if ck.problems:
        return None, sorted(ck.problems)
    return (
        Rules(
            title=values["name"],
            rules=tuple(rules),
            note=values.get("note", ""),
            base=values.get("base", "low-back-routine"),
            path=Path(path),
        ),
        [],
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise SessionError([Problem(str(path), 1, 1, f"cannot read: {err.strerror}")]) from err


def load_battery(path: Path) -> Battery:
    """The checked tests, or SessionError with every problem found."""
    battery, problems = check_battery(_read(path), str(path))
    if battery is None:
        raise SessionError(problems)
    return battery


def load_rules(path: Path, battery: Battery | None = None) -> Rules:
    """The checked rules, or SessionError with every problem found."""
    rules, problems = check_rules(_read(path), str(path), battery)
    if rules is None:
        raise SessionError(problems)
    return rules


def load_for(locations: Locations) -> tuple[Battery, Rules]:
    """The tests and rules in use: the user's copies where they exist."""
    battery = load_battery(assessment_file(locations, TESTS_FILE))
    return battery, load_rules(assessment_file(locations, RULES_FILE), battery)


def names_for(locations: Locations) -> Battery:
    """The tests file that names stored answers: the one in use, or the built-in one
    when the user's copy cannot be read (a report must not fail on a typo)."""
    try:
        return load_battery(assessment_file(locations, TESTS_FILE))
    except SessionError:
        return load_battery(locations.builtin_assessments / TESTS_FILE)


def check_files(locations: Locations) -> tuple[list[Path], list[Problem]]:
    """The tests and rules files in use, and every problem in them (for `assess --check`)."""
    tests_path = assessment_file(locations, TESTS_FILE)
    rules_path = assessment_file(locations, RULES_FILE)
    problems: list[Problem] = []
    battery: Battery | None = None
    try:
        battery, problems = check_battery(_read(tests_path), str(tests_path))
        text = _read(rules_path)
        rules, found = check_rules(text, str(rules_path), battery)
        problems += found
        if rules is not None:
            problems += _base_problems(rules, text, locations)
    except SessionError as error:
        problems += error.problems
    return [tests_path, rules_path], problems


def _base_problems(rules: Rules, text: bytes, locations: Locations) -> list[Problem]:
    """The plan is built on the session `base` names: it must be there, and valid."""
    from ..library import resolve

    try:
        resolve(rules.base, locations)
    except (SessionError, FileNotFoundError) as error:
        why = error.problems[0].message if isinstance(error, SessionError) else str(error)
        lines = text.decode("utf-8", "replace").splitlines()
        line = next((n for n, t in enumerate(lines, 1) if t.startswith("base:")), 1)
        return [Problem(str(rules.path), line, 1, f"base session {rules.base!r}: {why}")]
    return []
