"""Browser tests: headless Chromium over a real server."""
