"""Reminders: a desktop notification when something is still due, and the timer
files that run `tuitrainer remind` (written, never enabled)."""
