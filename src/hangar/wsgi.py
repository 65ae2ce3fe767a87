"""WSGI entry point that gunicorn (``hangar serve``) loads."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
application = get_wsgi_application()
