"""Developer scripts (run as ``.venv/bin/python tools/<name>.py``); the tests import their logic."""
