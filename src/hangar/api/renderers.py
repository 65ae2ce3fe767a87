"""Response renderers: DRF's JSON renderer, and the encoder that reproduces its bytes with orjson.

Its own module because DRF imports the renderer classes while it loads its views, before anything that
uses views can be imported.
"""

import orjson
from rest_framework import renderers


class PreRendered:
    """Response data that is already the JSON body: ``body`` goes out as it is, without a copy.

    (A ``bytes`` subclass was copied twice on the way out: into the subclass, then back into plain
    ``bytes`` for the response; 3 MB of copying for a detailed page of 100 spacecraft.)
    """

    __slots__ = ("body",)

    def __init__(self, body: bytes):
        self.body = body


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer, passing pre-rendered bodies through untouched."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, PreRendered):
            return data.body
        return super().render(data, accepted_media_type, renderer_context)


def json_text(value: str):
    """``value`` ready for a document written without ``dumps``' final pass (see ``api.rendering``):
    itself, or, when it holds U+2028 or U+2029, its escaped JSON string as an orjson fragment."""
    if "\u2028" in value or "\u2029" in value:
        return orjson.Fragment(dumps(value))
    return value


def dumps(data) -> bytes:
    """``data`` as DRF's JSONRenderer writes it (compact, UTF-8, U+2028/U+2029 escaped)."""
    body = orjson.dumps(data)
    # Both characters start with byte E2. Single-byte searches run at memchr speed; a multi-byte
    # ``bytes.replace``/``in`` was measured at ~1 ms per pass over a 200 kB page, so each E2 is found
    # with memchr and only the (few) separators are spliced out.
    at = body.find(b"\xe2")
    if at < 0:
        return body
    parts, start = [], 0
    while at >= 0:
        if body[at + 1 : at + 2] == b"\x80" and (third := body[at + 2 : at + 3]) in (b"\xa8", b"\xa9"):
            parts.append(body[start:at])
            parts.append(b"\\u2028" if third == b"\xa8" else b"\\u2029")
            start = at + 3
        at = body.find(b"\xe2", at + 1)
    if not parts:
        return body
    parts.append(body[start:])
    return b"".join(parts)
