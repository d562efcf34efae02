"""The campaign renders pages in Chromium with the session's one browser (tests/conftest.py)."""
