"""api.negotiation picks what DRF's content negotiation picks, or fails as it fails."""

import pytest
from django.http import Http404
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.test import APIRequestFactory

from hangar.api.negotiation import ContentNegotiation

ACCEPTS = [
    None,
    "",
    "*/*",
    "application/json",
    "application/json; indent=4",
    "text/html",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "application/*",
    "image/png",
    "text/*;q=0.5, application/json;q=0.1",
    "garbage;;;",
]


@pytest.mark.parametrize("accept", ACCEPTS)
@pytest.mark.parametrize("query", ["", "?format=json", "?format=api", "?format=xml", "?format="])
@pytest.mark.parametrize("suffix", [None, "json", "api"])
def test_the_same_choice_as_drf(accept, query, suffix):
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    request = Request(APIRequestFactory().get(f"/2.3.0/spacecraft/{query}", **headers))

    def outcome(negotiation):
        renderers = [renderer() for renderer in api_settings.DEFAULT_RENDERER_CLASSES]
        try:
            chosen, media_type = negotiation.select_renderer(request, renderers, suffix)
        except (Http404, NotAcceptable) as exc:
            return type(exc)
        return renderers.index(chosen), media_type

    for _ in range(2):  # the second answer comes from the memo
        assert outcome(ContentNegotiation()) == outcome(DefaultContentNegotiation())
