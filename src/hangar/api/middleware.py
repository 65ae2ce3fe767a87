"""Makes every absolute URL use ``HANGAR_PUBLIC_URL`` when the server sits behind a proxy or a CDN."""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings


@cache
def _scheme_and_host(public_url: str) -> tuple[str, str]:
    parts = urlsplit(public_url)
    return parts.scheme, parts.netloc


class PublicURLMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PUBLIC_URL:
            # Django builds absolute URLs from these two; DRF's reverse and pagination follow.
            scheme, host = _scheme_and_host(settings.PUBLIC_URL)
            request.META["HTTP_HOST"] = host
            request.META["wsgi.url_scheme"] = scheme
            request.META.pop("HTTP_X_FORWARDED_HOST", None)
        return self.get_response(request)
