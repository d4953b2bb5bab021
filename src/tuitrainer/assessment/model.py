"""What an assessment is, once its files have been read and checked.

Frozen dataclasses, like the session model: the walk, the findings, the rules
and the screens share these values and none may change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SIDES = ("left", "right")


def other_side(side: str) -> str:
    return "right" if side == "left" else "left"


@dataclass(frozen=True)
class Answer:
    """One possible answer to a question, chosen with a single key."""

    id: str
    key: str
    label: str
    finding: str | None = None  # the finding this answer points to, if any
    finding_side: str = "same"  # "same": the side tested; "other": the opposite side


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    answers: tuple[Answer, ...]

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)


@dataclass(frozen=True)
class HipTest:
    """One self-test, done on each of its sides in turn.

    Text may hold `{side}` and `{other}`, filled in with the side being tested
    and the opposite one, so one definition serves both sides.
    """

    id: str
    name: str
    setup: str
    steps: tuple[str, ...]
    sides: tuple[str, ...]
    questions: tuple[Question, ...]
    hold_seconds: float = 0.0
    hold_cue: str = ""
    # Names this set-up and pass mark; stored with every answer, so answers given
    # under an earlier wording keep theirs (the figure-4 test changed its set-up).
    wording: str = ""

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class FindingInfo:
    """A finding in plain words: what the test suggests, and what it means."""

    id: str
    name: str
    meaning: str = ""


@dataclass(frozen=True)
class Battery:
    """Every test of an assessment, and the findings they can give."""

    title: str
    tests: tuple[HipTest, ...]
    findings: tuple[FindingInfo, ...]
    description: str = ""
    path: Path | None = None
    digest: str = ""  # sha256 of the file, stored with each assessment

    def test(self, test_id: str) -> HipTest | None:
        return next((t for t in self.tests if t.id == test_id), None)

    def finding(self, finding_id: str) -> FindingInfo | None:
        return next((f for f in self.findings if f.id == finding_id), None)


@dataclass(frozen=True)
class Rule:
    """One finding's change to the plan, on the side where it was found."""

    finding: str
    exercises: tuple[str, ...]
    why: str
    extra_reps: int = 0
    extra_sets: int = 0


@dataclass(frozen=True)
class Rules:
    title: str
    rules: tuple[Rule, ...]
    note: str = ""
    base: str = "low-back-routine"
    path: Path | None = None


def fill(text: str, side: str) -> str:
    """A test's text for one side: `{side}` and `{other}` replaced."""
    return text.replace("{side}", side).replace("{other}", other_side(side))
