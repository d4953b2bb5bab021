"""Reusable pieces of the workout view."""
