"""Stored answers in words: test, answer and finding names come from the tests file.

The history keeps ids (`figure-4`, `more`, `tight-hip`); every output (the
progress view, the report, `assess --history`) names them through these
functions, so a test is called the same everywhere and a clinician's copy of
the tests file renames it everywhere at once. An id the file no longer knows is
shown as it is stored rather than dropped.
"""

from __future__ import annotations

from .model import Battery, fill


def test_name(battery: Battery, test_id: str) -> str:
    test = battery.test(test_id)
    return test.name if test is not None else test_id


def finding_name(battery: Battery, finding_id: str) -> str:
    info = battery.finding(finding_id)
    return info.name if info is not None else finding_id


def finding_text(battery: Battery, finding_id: str, hip: str | None, side: str) -> str:
    """A finding in words, named with its hip when that is not the side tested."""
    name = finding_name(battery, finding_id)
    return f"{name} ({hip} hip)" if hip and hip != side else name


def prompt_text(battery: Battery, test_id: str, question_id: str, side: str) -> str:
    test = battery.test(test_id)
    question = test.question(question_id) if test is not None else None
    return fill(question.prompt, side) if question is not None else question_id


def answer_label(
    battery: Battery,
    test_id: str,
    question_id: str,
    answer_id: str,
    side: str,
    stored: str | None = None,
) -> str:
    """The answer as it was shown (`stored`, kept with it since the history learnt
    labels), else as the tests file words it for the side it was given on."""
    if stored:
        return stored
    test = battery.test(test_id)
    question = test.question(question_id) if test is not None else None
    answer = question.answer(answer_id) if question is not None else None
    return fill(answer.label, side) if answer is not None else answer_id


def earlier_wording(battery: Battery, test_id: str, stored: str | None) -> str:
    """The wording an answer was given under, when the test is worded otherwise now
    (an old figure-4 answer: both knees bent); "" when it is the wording in force."""
    test = battery.test(test_id)
    if not stored or (test is not None and test.wording == stored):
        return ""
    return stored


def single_question(battery: Battery, test_id: str) -> bool:
    """A test with one question reads as its answer (a measure such as the knee's
    height); a test with several reads as the findings they gave."""
    test = battery.test(test_id)
    return test is not None and len(test.questions) == 1
