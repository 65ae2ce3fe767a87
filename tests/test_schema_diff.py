"""``tools/schema_diff.py``: it finds each kind of difference, and README.md justifies every one it finds."""

import json

from tools.endpoint_table import README
from tools.schema_diff import OFFICIAL, check, differences, hangar_schema, justifications, matches


def _document(paths: dict, schemas: dict) -> dict:
    return {"info": {"title": "x"}, "paths": paths, "components": {"schemas": schemas}}


def _operation(parameters=(), ref="Thing") -> dict:
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}
    return {"get": {"parameters": list(parameters), "responses": {"200": {"content": content}}}}


ID = {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}}
THING = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "part": {"allOf": [{"$ref": "#/components/schemas/Part"}], "nullable": True},
    },
}
PART = {"type": "object", "properties": {"size": {"type": "number"}}}


def test_identical_documents_have_no_differences():
    document = _document({"/a/{id}/": _operation([ID])}, {"Thing": THING, "Part": PART})
    assert differences(document, json.loads(json.dumps(document))) == []


def test_each_kind_of_difference_is_one_line():
    official = _document({"/a/{id}/": _operation([ID]), "/b/": _operation()}, {"Thing": THING, "Part": PART})
    thing = json.loads(json.dumps(THING))
    thing["properties"] = {
        "name": thing["properties"]["name"],
        "id": {"type": "integer", "format": "int64"},
        "part": {"$ref": "#/components/schemas/Part"},
        "extra": {"type": "string"},
    }
    thing["required"] = ["id"]
    part = {"type": "object", "properties": {"size": {"type": "integer"}}}
    ours = _document(
        {"/a/{id}/": _operation([{**ID, "schema": {"type": "string"}}, {"in": "query", "name": "mode"}])},
        {"Thing": thing, "Part": part},
    )
    ours["info"] = {"title": "y"}
    assert differences(official, ours) == [
        "document: info differs",
        'GET /a/{id}/ path parameter id: official {"type": "integer"}, Hangar {"type": "string"}',
        "GET /a/{id}/ query parameter mode: only in Hangar",
        "/b/: not served",
        'component Part.size: official {"type": "number"}, Hangar {"type": "integer"}',
        "component Thing.url: only in the official file",
        "component Thing.extra: only in Hangar",
        "component Thing: property order differs: "
        "official ['id', 'name', 'part'], Hangar ['name', 'id', 'part']",
        'component Thing.id: official nothing, Hangar {"format": "int64"}',
        'component Thing.part: official {"nullable": true}, Hangar {"nullable": false}',
        "component Thing.name: required in the official file only",
    ]


def test_patterns_take_star_for_any_text_and_nothing_else():
    assert matches("component *: required in Hangar only", "component A.b: required in Hangar only")
    assert matches('x {"oneOf": [*', 'x {"oneOf": ["a"]}')
    assert not matches("component A.?: y", "component A.b: y")


def test_unjustified_differences_and_stale_justifications_are_both_reported():
    reasons, unjustified, stale = check(
        ["/b/: not served", "document: info differs"], [("/*: not served", "later"), ("gone", "was")]
    )
    assert reasons == {"/b/: not served": "later"}
    assert unjustified == ["document: info differs"]
    assert stale == ["gone"]


def test_readme_justifies_every_difference_of_hangars_schema():
    found = differences(json.loads(OFFICIAL.read_text()), hangar_schema())
    reasons, unjustified, stale = check(found, justifications(README.read_text()))
    assert (unjustified, stale) == ([], []), "run .venv/bin/python tools/schema_diff.py"
    assert len(reasons) == len(found) > 0
