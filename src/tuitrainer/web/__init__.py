"""The app in a browser tab: textual-serve with a page of our own (see server.py)."""
