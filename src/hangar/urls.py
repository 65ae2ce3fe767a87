"""Top-level URLs: the LL2-compatible API under /2.3.0/ (with its schema, Swagger UI and Redoc), the
``/docs/`` landing page and the admin."""

from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from hangar import admin_login
from hangar.api.views.docs import DocsView

urlpatterns = [
    path("", RedirectView.as_view(url="/2.3.0/spacecraft/", permanent=False)),
    path("2.3.0/", include("hangar.api.urls")),
    path("docs/", DocsView.as_view(), name="docs"),
    path("favicon.ico", RedirectView.as_view(url=static("hangar/favicon.svg"), permanent=True)),
] + (
    # Its login throttled per address (hangar.admin_login); HANGAR_ADMIN=off unmounts it.
    [path("admin/login/", admin_login.login), path("admin/", admin.site.urls)] if settings.ADMIN else []
)

handler400 = "hangar.api.errors.bad_request"
handler403 = "hangar.api.errors.permission_denied"
handler404 = "hangar.api.errors.not_found"
handler500 = "hangar.api.errors.server_error"
