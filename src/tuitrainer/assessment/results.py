"""After an assessment: the proposed plan and the words that explain it, for any front end.

The results screen and plain mode (`assess --plain`) show the same proposal,
headings and reasons; they are worked out here, without a UI.
"""

from __future__ import annotations

from datetime import date

from ..locations import Locations
from ..session.files import session_files
from ..session.problems import SessionError
from .findings import Response, finding_table, findings_by_side
from .model import Battery, Rules
from .plan import Proposal, plan_slug, propose


def builtin_slugs(locations: Locations) -> set[str]:
    return {p.stem for p in session_files(locations.builtin_sessions)}


def proposal_for(
    locations: Locations,
    found: list[Response],
    rules: Rules,
    battery: Battery,
    today: date | None = None,
) -> tuple[Proposal | None, str]:
    """The rules' base session adjusted for the findings, named for today; or None and
    why not (the base session cannot be read)."""
    from ..library import resolve

    try:
        base = resolve(rules.base, locations)
    except (SessionError, FileNotFoundError) as error:
        return None, f"No plan: the base session cannot be read ({error})."
    today = today or date.today()
    slug = plan_slug(locations, builtin_slugs(locations), today)
    title = f"Hip plan of {today:%d %b %Y}"
    again = slug.removeprefix(f"hip-plan-{today.isoformat()}").lstrip("-")
    if again:  # a second plan the same day: a title of its own in the lists
        title += f" ({again})"
    return propose(base, findings_by_side(found), rules, battery, slug, title), ""


def meanings(battery: Battery, found: list[Response]) -> str:
    shown = [r for r in finding_table(battery, found) if r.left or r.right]
    if not shown:
        return "No findings: both hips moved freely in these tests."
    return "\n".join(f"{r.finding.name} ({r.where}): {r.finding.meaning}" for r in shown)


def plan_heading(rules: Rules, proposal: Proposal | None, problem: str) -> str:
    if proposal is None:
        return problem
    base = proposal.base_title or rules.base  # its title, as the home list names it
    if not proposal.changes:
        return f"Proposed plan: {base}, as it is (no changes needed)."
    count = len(proposal.changes)
    return f"Proposed plan: {base}, with {count} change{'s' if count > 1 else ''}:"


def notes(proposal: Proposal | None) -> str:
    """Why each change is made, who suggests it, and rules that found no exercise."""
    if proposal is None:
        return ""
    lines = [f"Why: {why}" for why in dict.fromkeys(c.why for c in proposal.changes)]
    if proposal.note:
        lines.append(proposal.note)
    lines += [f"Not applied: {text}." for text in proposal.unmatched]
    return "\n".join(lines)
