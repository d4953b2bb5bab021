"""The guided hip self-assessment: test definitions, findings, rules and the plan.

No Textual here: the screens, the command line and the tests all drive these
plain functions, so what an answer means is decided in one place.
"""
