"""After an assessment: findings side by side, the proposed plan, what changed and why.

The plan is the rules file's base session (normally `low-back-routine`) with
per-side doses. `s` saves it as a user session; Enter saves it (if need be)
and starts it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from ..assessment.findings import Response, finding_table, findings_by_side
from ..assessment.model import Battery, Rules
from ..assessment.plan import Proposal, plan_slug, propose, save_plan
from ..session.files import session_files
from ..session.model import Session
from ..session.problems import SessionError
from ..session.save import SaveError
from ..widgets.footer import Footer
from ..widgets.text import cell, plain

if TYPE_CHECKING:
    from ..app import TuitrainerApp


class AssessmentResultsScreen(Screen[None]):
    CSS_PATH = "assessment_results.tcss"
    BINDINGS = [
        Binding("s", "save", "Save plan"),
        Binding("enter", "start", "Save and start"),
        Binding("escape,q", "done", "Done"),
    ]

    def __init__(
        self, battery: Battery, rules: Rules, found: list[Response], assessment_id: int
    ) -> None:
        super().__init__()
        self.battery = battery
        self.rules = rules
        self.found = found
        self.assessment_id = assessment_id
        self.proposal: Proposal | None = None
        self.problem = ""
        self.saved: Session | None = None

    @property
    def tt_app(self) -> TuitrainerApp:
        return self.app  # type: ignore[return-value]

    def _builtin(self) -> set[str]:
        return {p.stem for p in session_files(self.tt_app.locations.builtin_sessions)}

    def _propose(self) -> None:
        from ..library import resolve

        locations = self.tt_app.locations
        try:
            base = resolve(self.rules.base, locations)
        except (SessionError, FileNotFoundError) as error:
            self.problem = f"No plan: the base session cannot be read ({error})."
            return
        today = date.today()
        slug = plan_slug(locations, self._builtin(), today)
        title = f"Hip plan of {today:%d %b %Y}"
        again = slug.removeprefix(f"hip-plan-{today.isoformat()}").lstrip("-")
        if again:  # a second plan the same day: a title of its own in the lists
            title += f" ({again})"
        self.proposal = propose(
            base, findings_by_side(self.found), self.rules, self.battery, slug, title
        )

    def compose(self) -> ComposeResult:
        self._propose()
        with VerticalScroll(id="results"):
            yield Label("Your hip assessment", id="results-title")
            table: DataTable[str] = DataTable(id="findings", cursor_type="none")
            table.add_columns("Finding", "Left", "Right", "")
            for row in finding_table(self.battery, self.found):
                table.add_row(
                    cell(row.finding.name),
                    "yes" if row.left else "-",
                    "yes" if row.right else "-",
                    cell(row.where if row.left != row.right else ""),
                )
            yield table
            yield Static(plain(self._meanings()), id="meanings")
            yield Label(plain(self._plan_heading()), id="plan-title")
            changes: DataTable[str] = DataTable(id="changes", cursor_type="none")
            changes.add_columns("Exercise", "Side", "Now", "Proposed")
            for change in self.proposal.changes if self.proposal else ():
                words = (change.exercise, change.side, change.before, change.after)
                changes.add_row(*[cell(word) for word in words])
            changes.display = bool(self.proposal and self.proposal.changes)
            yield changes
            yield Static(plain(self._notes()), id="note")
        yield Label("", id="saved", markup=False)
        yield Label(
            "[b]s[/b] save the plan    [b]Enter[/b] save and start it    [b]Esc[/b] done",
            id="results-keys",
        )
        yield Footer()

    def _meanings(self) -> str:
        shown = [r for r in finding_table(self.battery, self.found) if r.left or r.right]
        if not shown:
            return "No findings: both hips moved freely in these tests."
        return "\n".join(f"{r.finding.name} ({r.where}): {r.finding.meaning}" for r in shown)

    def _plan_heading(self) -> str:
        if self.proposal is None:
            return self.problem
        base = self.rules.base
        if not self.proposal.changes:
            return f"Proposed plan: {base} as it is (no changes needed)."
        count = len(self.proposal.changes)
        return f"Proposed plan: {base} with {count} change{'s' if count > 1 else ''}:"

    def _notes(self) -> str:
        """Why each change is made, who suggests it, and rules that found no exercise."""
        if self.proposal is None:
            return ""
        lines = [f"Why: {why}" for why in dict.fromkeys(c.why for c in self.proposal.changes)]
        if self.proposal.note:
            lines.append(self.proposal.note)
        lines += [f"Not applied: {text}." for text in self.proposal.unmatched]
        return "\n".join(lines)

    def action_save(self) -> Session | None:
        if self.saved is not None:
            return self.saved
        if self.proposal is None:
            self.notify(self.problem, severity="error")
            return None
        try:
            self.saved = save_plan(self.tt_app.locations, self.proposal, self._builtin())
        except (OSError, ValueError, SessionError, SaveError) as error:
            self.notify(f"The plan was not saved: {error}", severity="error")
            return None
        slug = self.saved.slug
        self.query_one("#saved", Label).update(
            plain(f"Saved as your session '{slug}' (see it with: tuitrainer plan {slug}).")
        )
        return self.saved

    def action_start(self) -> None:
        session = self.action_save()
        if session is not None:
            self.tt_app.start_session(session)

    def action_done(self) -> None:
        if self.tt_app.direct_assess:
            self.app.exit(0)
        else:
            self.dismiss(None)
