"""The documentation Hangar serves, offline: a ``/docs/`` landing page, Swagger UI and Redoc.

Swagger UI and Redoc are drf-spectacular's views over Hangar's own schema (``/2.3.0/schema/``), their
assets from drf-spectacular-sidecar, served by WhiteNoise: no page loads anything from another host.
"""

from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularRedocView

from hangar import __version__
from hangar.api.routes import routes


class DocsView(TemplateView):
    """``/docs/``: where everything is, and every endpoint beside its upstream counterpart."""

    template_name = "hangar/docs.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "routes": routes(), "version": __version__}


class RedocView(SpectacularRedocView):
    """drf-spectacular's Redoc without its Google Fonts links (the page falls back to system fonts).

    Redoc's side menu always asks cdn.redoc.ly for its logo, and hides it when that fails: the policy
    below makes the browser refuse it, so reading the docs sends nothing to another host.
    """

    template_name = "hangar/redoc.html"
    images = "img-src 'self' data:"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = self.images
        return response
