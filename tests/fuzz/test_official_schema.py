"""Schemathesis over every official path Hangar serves, on a generated catalog: whatever parameters the
official file allows (and values it does not), no server error, and every documented answer conforms to
the file with its errata (``tests.openapi.errata_spec``). ``make fuzz`` runs it; CI too.

Hangar refuses bad input with a 400 that the file does not document, so the checks are the ones that
hold for any answer: no 5xx, a documented content type, a 200 body valid against its component. The
file's polymorphic components are ``oneOf``s told apart by ``response_mode`` (a discriminator that
Schemathesis does not read, and some modes' keys are another's plus optional ones), so here a body must
match one of them; which one, and in which key order, is ``tests/api/test_conformance.py``'s to check.
"""

import copy

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance
from schemathesis.config import SchemathesisConfig

from tests.openapi import errata_spec

pytestmark = pytest.mark.fuzz


def _served(path: str) -> bool:
    try:
        resolve(path.replace("{id}", "1"))
    except Resolver404:
        return False
    return True


def _any_of(node):
    if isinstance(node, list):
        return [_any_of(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _any_of(v) for k, v in node.items() if k != "discriminator"}
    if "oneOf" in node:
        node["anyOf"] = node.pop("oneOf")
    return node


# Each operation: its explicit examples, then generated requests, valid and invalid, the same every run.
CONFIG = {
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
    "generation": {"mode": "all", "max-examples": 8, "deterministic": True},
}


def _schema():
    spec = copy.deepcopy(errata_spec())
    spec["paths"] = {path: item for path, item in spec["paths"].items() if _served(path)}
    spec["components"] = _any_of(spec["components"])
    spec["servers"] = [{"url": "http://testserver/"}]
    schema = schemathesis.openapi.from_dict(spec, config=SchemathesisConfig.from_dict(CONFIG))
    schema.app = WSGIHandler()
    return schema


schema = _schema()


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_answer_conforms(case, db, generated_catalog):
    case.call_and_validate(
        checks=[not_a_server_error, content_type_conformance, response_schema_conformance],
    )
