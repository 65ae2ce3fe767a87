"""The ceiling: a minimal WSGI app that answers each benchmarked URL with its page's bytes, precomputed.

Run on the same gunicorn as Hangar, it measures what the server, the load generator and the loopback
cost on their own; a cache hit is compared against it. ``BENCH_CEILING_PAGES`` names a JSON file of
{raw request URI: [content type, body]} captured from the real server before the run.
"""

import json
import os

with open(os.environ["BENCH_CEILING_PAGES"], encoding="utf-8") as pages_file:
    PAGES = {uri: (ctype, body.encode()) for uri, (ctype, body) in json.load(pages_file).items()}


def app(environ, start_response):
    page = PAGES.get(environ.get("RAW_URI", ""))
    if page is None:
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
        return [b""]
    content_type, body = page
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
