"""After an assessment: findings side by side, the proposed plan, what changed and why.

The plan is the rules file's base session (normally `low-back-routine`) with
per-side doses. `s` saves it as a user session; Enter saves it (if need be)
and starts it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from ..assessment.findings import Response, finding_table
from ..assessment.model import Battery, Rules
from ..assessment.plan import Proposal, save_plan
from ..assessment.results import builtin_slugs, meanings, notes, plan_heading, proposal_for
from ..session.model import Session
from ..session.problems import SessionError
from ..session.save import SaveError
from ..widgets.footer import Footer
from ..widgets.text import cell, plain
from .host import host
from .messages import AssessmentClosed, StartSession


class AssessmentResultsScreen(Screen[None]):
    CSS_PATH = "assessment_results.tcss"
    BINDINGS = [
        Binding("s", "save", "Save plan", id="results.save"),
        Binding("enter", "start", "Save and start", id="results.start"),
        Binding("escape,q", "done", "Done", id="results.done"),
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

    def _builtin(self) -> set[str]:
        return builtin_slugs(host(self).locations)

    def _propose(self) -> None:
        self.proposal, self.problem = proposal_for(
            host(self).locations, self.found, self.rules, self.battery
        )

    def compose(self) -> ComposeResult:
        self._propose()
        with VerticalScroll(id="results"):
            yield Label("Your hip assessment", id="results-title")
            table: DataTable[str | Text] = DataTable(id="findings", cursor_type="none")
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
            changes: DataTable[str | Text] = DataTable(id="changes", cursor_type="none")
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
        return meanings(self.battery, self.found)

    def _plan_heading(self) -> str:
        return plan_heading(self.rules, self.proposal, self.problem)

    def _notes(self) -> str:
        return notes(self.proposal)

    def action_save(self) -> Session | None:
        if self.saved is not None:
            return self.saved
        if self.proposal is None:
            self.notify(self.problem, severity="error")
            return None
        try:
            self.saved = save_plan(host(self).locations, self.proposal, self._builtin())
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
            self.post_message(StartSession(session))

    def action_done(self) -> None:
        self.post_message(AssessmentClosed())
