"""When to get care instead of exercising: tuitrainer's own note, not the source's.

The source article gives the tests and the exercises but no safety advice, so
this note is the app's addition and says so wherever it is shown. It is plain
data, so every way into a workout (the full-screen app, a plain-text runner)
shows the same words.
"""

from __future__ import annotations

ORIGIN = "tuitrainer's own safety note: the source routine gives none."

INTRO = "tuitrainer is for everyday stiffness and back care. It cannot tell what causes your pain."

GET_CARE_TODAY_HEADING = (
    "Get care today (your doctor, an urgent care service or an emergency department),"
    " and do not exercise, if you have back pain with any of these:"
)
GET_CARE_TODAY = (
    "loss of control of your bladder or bowels",
    "numbness around your groin or buttocks",
    "new weakness in a leg",
    "a fever, or weight loss you cannot explain",
    "pain that began after a fall or an accident",
)

SEE_A_PROFESSIONAL_HEADING = "See a physiotherapist or a doctor before you start if:"
SEE_A_PROFESSIONAL = (
    "your pain started with an injury, such as a lift or a knock",
    "the pain is sharp or stabbing, rather than a dull ache",
    "pain, tingling or numbness runs down a leg",
    "the pain keeps getting worse, or wakes you at night",
)

DURING = (
    "During the tests and the exercises, move only as far as feels comfortable."
    " If anything hurts, stop."
)


def bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"  • {item}" for item in items)


def as_text() -> str:
    """The whole note as plain text, in the order the screen shows it."""
    return "\n\n".join(
        [
            ORIGIN,
            INTRO,
            f"{GET_CARE_TODAY_HEADING}\n{bullets(GET_CARE_TODAY)}",
            f"{SEE_A_PROFESSIONAL_HEADING}\n{bullets(SEE_A_PROFESSIONAL)}",
            DURING,
        ]
    )
