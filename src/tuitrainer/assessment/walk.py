"""The guided assessment as a list of steps: instructions, then each question.

Plain Python so the order, going back and changing answers can be tested
without a screen; the assessment screen only shows the current step and turns
keys into calls here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import AnswerKey, Response, responses
from .model import Battery, HipTest, Question


@dataclass(frozen=True)
class Step:
    """One page of the assessment: a test on one side, and a question or the set-up."""

    test: HipTest
    side: str
    question: Question | None = None  # None: the instructions (and the hold)

    @property
    def key(self) -> AnswerKey | None:
        return (self.test.id, self.side, self.question.id) if self.question else None


def steps_of(battery: Battery) -> list[Step]:
    """Each test, each side in turn: its instructions, then its questions."""
    out: list[Step] = []
    for test in battery.tests:
        for side in test.sides:
            out.append(Step(test, side))
            out.extend(Step(test, side, question) for question in test.questions)
    return out


@dataclass
class Walk:
    """Where the user is in the assessment, and every answer so far.

    The index runs one past the last step: that is the review, where the
    answers can still be changed (by going back) before they are saved.
    """

    battery: Battery
    steps: list[Step] = field(default_factory=list)
    index: int = 0
    answers: dict[AnswerKey, str] = field(default_factory=dict)
    from_review: bool = False  # a question opened from the review goes back there

    def __post_init__(self) -> None:
        if not self.steps:
            self.steps = steps_of(self.battery)

    @property
    def step(self) -> Step | None:
        """The current step; None on the review."""
        return self.steps[self.index] if self.index < len(self.steps) else None

    @property
    def reviewing(self) -> bool:
        return self.index >= len(self.steps)

    @property
    def complete(self) -> bool:
        """Every question on every side has an answer."""
        return all(s.key in self.answers for s in self.steps if s.key is not None)

    def current_answer(self) -> str | None:
        step = self.step
        return self.answers.get(step.key) if step and step.key else None

    def choose(self, key: str) -> bool:
        """Answer the current question by its key (or its number); False if no such answer."""
        step = self.step
        if step is None or step.question is None:
            return False
        answers = step.question.answers
        chosen = next((a for a in answers if a.key == key), None)
        if chosen is None and key.isdigit() and 1 <= int(key) <= len(answers):
            chosen = answers[int(key) - 1]
        if chosen is None:
            return False
        assert step.key is not None
        self.answers[step.key] = chosen.id
        self.index = len(self.steps) if self.from_review else self.index + 1
        self.from_review = False
        return True

    def reopen(self, number: int) -> bool:
        """From the review, open the question of answer `number` (from 1) to change it."""
        questions = [i for i, s in enumerate(self.steps) if s.key is not None]
        if not self.reviewing or not 1 <= number <= len(questions):
            return False
        self.index = questions[number - 1]
        self.from_review = True
        return True

    def forward(self) -> bool:
        """Go on from the instructions, or past a question already answered."""
        step = self.step
        if step is None or (step.key is not None and step.key not in self.answers):
            return False
        self.index += 1
        return True

    def back(self) -> bool:
        self.from_review = False
        if self.index == 0:
            return False
        self.index -= 1
        return True

    def first_unanswered(self) -> int | None:
        open_steps = (
            i for i, s in enumerate(self.steps) if s.key is not None and s.key not in self.answers
        )
        return next(open_steps, None)

    def responses(self) -> list[Response]:
        return responses(self.battery, self.answers)

    def position(self) -> str:
        """`Test 1 of 2: left side`, for the heading."""
        step = self.step
        if step is None:
            return "Review"
        number = self.battery.tests.index(step.test) + 1
        return f"Test {number} of {len(self.battery.tests)}: {step.side} side"
