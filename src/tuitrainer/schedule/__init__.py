"""What is meant to be done when: schedule rules, the schedule file, adherence.

Plain Python on local calendar days: a rule says which days are due, never
which instants, so daylight-saving changes cannot move a due day.
"""

from .model import Item, Rule, Schedule, parse_rule

__all__ = ["Item", "Rule", "Schedule", "parse_rule"]
