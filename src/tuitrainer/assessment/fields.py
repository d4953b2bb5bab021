"""The assessment file formats, said once: the field tables and their extra kinds.

The tests file and the rules file are checked by the session validator
(`check_mapping`) with these tables; the few kinds sessions do not have are
added here, so errors read the same as in session files.
"""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode, SequenceNode

from ..session.checker import Checker, _describe, _suggest
from ..session.schema import Field
from ..session.validate import Check, check_id, check_text

MAX_ITEMS = 50  # tests, questions, answers, steps or rules in one list
MAX_HOLD_SECONDS = 120.0
MAX_EXTRA_REPS = 20
MAX_EXTRA_SETS = 3
RESERVED_KEYS = ("b", "q")  # back and quit on the assessment screen
FINDING_SIDES = ("same", "other")


def check_items(ck: Checker, node: Node, f: Field) -> list[Node] | None:
    """A non-empty list whose items the caller checks (it knows what they are)."""
    if not isinstance(node, SequenceNode):
        ck.add(node, f"{f.name} must be a list of items starting with '- ', not {_describe(node)}")
        return None
    if not node.value:
        ck.add(node, f"{f.name} is empty; it needs at least one item")
        return None
    if len(node.value) > MAX_ITEMS:
        ck.add(node, f"{f.name} has {len(node.value)} items; at most {MAX_ITEMS}")
        return None
    return list(node.value)


def check_texts(ck: Checker, node: Node, f: Field) -> list[str] | None:
    """A list of short texts, such as the steps of a test."""
    items = check_items(ck, node, f)
    if items is None:
        return None
    texts = [check_text(ck, item, Field(f"{f.name} item", "text", "")) for item in items]
    return None if None in texts else [t for t in texts if t is not None]


def check_ids(ck: Checker, node: Node, f: Field) -> list[str] | None:
    """A list of ids, such as the exercises a rule changes."""
    items = check_items(ck, node, f)
    if items is None:
        return None
    ids = [check_id(ck, item, Field("id", "id", "")) for item in items]
    return None if None in ids else [i for i in ids if i is not None]


def check_key(ck: Checker, node: Node, f: Field) -> str | None:
    """One lowercase letter or digit, typed to choose an answer."""
    if isinstance(node, ScalarNode) and node.tag.endswith(":int"):
        text: str | None = node.value  # `key: 1` means the key 1
    else:
        text = check_text(ck, node, f)
    if text is None:
        return None
    if len(text) != 1 or not (text.islower() or text.isdigit()):
        ck.add(node, f"key must be one lowercase letter or digit, not {text!r}")
        return None
    if text in RESERVED_KEYS:
        ck.add(node, f"key {text!r} is taken: b goes back and q leaves the assessment")
        return None
    return text


def check_finding_side(ck: Checker, node: Node, f: Field) -> str | None:
    value = node.value if isinstance(node, ScalarNode) else None
    if value not in FINDING_SIDES:
        ck.add(
            node,
            f"finding_side must be same or other, not {_describe(node)}"
            f"{_suggest(str(value), FINDING_SIDES)}",
        )
        return None
    return str(value)


EXTRA_CHECKS: dict[str, Check] = {
    "items": check_items,
    "texts": check_texts,
    "ids": check_ids,
    "key": check_key,
    "finding_side": check_finding_side,
}

BATTERY_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "Title of the assessment.", required=True),
    Field("description", "text", "What the assessment is for."),
    Field("findings", "items", "Every finding the tests can give.", required=True),
    Field("tests", "items", "The tests, in the order they are done.", required=True),
)

FINDING_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "How answers and rules name the finding.", required=True),
    Field("name", "text", "The finding in plain words.", required=True),
    Field("meaning", "text", "What it means for the body, in a sentence."),
)

TEST_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "Identifies the test in the history.", required=True),
    Field("name", "text", "Name shown in the app.", required=True),
    Field("setup", "text", "The start position."),
    Field("steps", "texts", "What to do, one short step per item.", required=True),
    Field("sides", "sides", "Sides in order: [left, right] or [right, left].", default=None),
    Field(
        "hold_seconds",
        "seconds",
        "A short countdown to hold the position before answering.",
        default=0,
        minimum=0,
        maximum=MAX_HOLD_SECONDS,
    ),
    Field("hold_cue", "text", "Shown while the hold counts down."),
    Field(
        "wording",
        "text",
        "A short name for this set-up and pass mark, kept with every answer.",
    ),
    Field("questions", "items", "What to observe, each a single-key answer.", required=True),
)

QUESTION_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "Identifies the question in the history.", required=True),
    Field("prompt", "text", "The question as it is asked.", required=True),
    Field("answers", "items", "The possible answers (two or more).", required=True),
)

ANSWER_FIELDS: tuple[Field, ...] = (
    Field("id", "id", "The answer as stored in the history.", required=True),
    Field("key", "key", "The key that chooses it.", required=True),
    Field("label", "text", "The answer as shown.", required=True),
    Field("finding", "id", "The finding this answer points to."),
    Field("finding_side", "finding_side", "same or other: which side the finding is on."),
)

RULES_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "Title of the rules.", required=True),
    Field("note", "text", "Who wrote the rules and on what grounds; shown with the plan."),
    Field("base", "id", "The session the plan is built from.", default="low-back-routine"),
    Field("rules", "items", "Each finding's changes to the plan.", required=True),
)

RULE_FIELDS: tuple[Field, ...] = (
    Field("finding", "id", "The finding that triggers the change.", required=True),
    Field("exercises", "ids", "Ids of the exercises changed on that side.", required=True),
    Field(
        "extra_reps",
        "count",
        "Reps added on the side with the finding.",
        minimum=1,
        maximum=MAX_EXTRA_REPS,
    ),
    Field(
        "extra_sets",
        "count",
        "Sets added to the exercise (sets cover both sides).",
        minimum=1,
        maximum=MAX_EXTRA_SETS,
    ),
    Field("why", "text", "The reason, shown beside the change.", required=True),
)
