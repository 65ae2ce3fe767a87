"""Top-level URLs: the LL2-compatible API under /2.3.0/, the admin, and the OpenAPI schema."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(url="/2.3.0/spacecraft/", permanent=False)),
    path("2.3.0/", include("hangar.api.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "hangar.api.errors.not_found"
handler500 = "hangar.api.errors.server_error"
