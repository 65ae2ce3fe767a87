"""Django settings for Hangar.

Everything that varies per deployment comes from ``HANGAR_*`` environment variables, read in the block
below; the defaults give a zero-set-up server (SQLite under ./var, local-memory cache, DEBUG off).
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def _env_positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ImproperlyConfigured(f"{name} must be a whole number above 0, not {raw!r}")
    return value


def _env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = minimum - 1
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number from {minimum}, not {raw!r}")
    return value


_RATE = re.compile(r"^[0-9]+/(s|sec|second|m|min|minute|h|hour|d|day)$")


def _env_rate(name: str) -> str:
    """A DRF rate (``15/hour``), or "" (no limit) for unset, empty or ``off``."""
    raw = os.environ.get(name, "").strip()
    if raw.lower() in ("", "off", "none"):
        return ""
    if not _RATE.match(raw):
        raise ImproperlyConfigured(
            f"{name} must be a rate like 15/hour (per second, minute, hour or day), not {raw!r}"
        )
    return raw


def _public_url(raw: str) -> str:
    if not raw:
        return ""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"HANGAR_PUBLIC_URL must be scheme and host only, like https://ll.example.org, not {raw!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


def _database(url: str) -> dict:
    """Django's DATABASES entry for ``url``: SQLite or PostgreSQL, anything else a configuration error."""
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except ValueError:
        config = {}
    if config.get("ENGINE") not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(
            f"HANGAR_DATABASE_URL must be sqlite:///PATH or postgres://USER@HOST:PORT/NAME, not {url!r}"
        )
    return config


def _make_directory(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ImproperlyConfigured(
            f"cannot create the SQLite database's directory {str(path)!r} "
            f"(HANGAR_DATA_DIR or HANGAR_DATABASE_URL): {exc.strerror}"
        ) from None


# --- Deployment settings: all from the environment -------------------------------------------------
DATA_DIR = Path(os.environ.get("HANGAR_DATA_DIR") or "var").resolve()
DATABASE_URL = os.environ.get("HANGAR_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'hangar.sqlite3'}"
CACHE_URL = os.environ.get("HANGAR_CACHE_URL", "")
CACHE_MB = _env_positive_int("HANGAR_CACHE_MB", 64)  # the local-memory cache's budget per worker
CACHE_TTL = _env_positive_int("HANGAR_CACHE_TTL", 3600)  # seconds a cached page or count may live
CACHE_TIMEOUT_MS = _env_positive_int("HANGAR_CACHE_TIMEOUT_MS", 250)  # Redis socket timeouts
CACHE_HOSTS = _env_positive_int("HANGAR_CACHE_HOSTS", 8)  # origins cached per worker when hosts are `*`
CACHE_PREFIX = os.environ.get("HANGAR_CACHE_PREFIX", "")  # several deployments on one Redis
CACHE_MAX_AGE = _env_int("HANGAR_CACHE_MAX_AGE", 60)  # Cache-Control max-age of API pages, seconds
CORS_ORIGINS = [o.strip() for o in os.environ.get("HANGAR_CORS_ORIGINS", "*").split(",") if o.strip()]
THROTTLE_ANON = _env_rate("HANGAR_THROTTLE_ANON")  # upstream: 15/hour; off by default
THROTTLE_KEY = _env_rate("HANGAR_THROTTLE_KEY")  # the rate of an API key that names none
NUM_PROXIES = _env_int("HANGAR_NUM_PROXIES", 0)  # reverse proxies adding to X-Forwarded-For
METRICS = _env_bool("HANGAR_METRICS", True)  # /metrics (Prometheus)
PUBLIC_URL = _public_url(os.environ.get("HANGAR_PUBLIC_URL", ""))
DB_CONNECT_TIMEOUT = _env_positive_int("HANGAR_DB_CONNECT_TIMEOUT", 5)  # seconds, PostgreSQL
DB_STATEMENT_TIMEOUT_MS = _env_positive_int("HANGAR_DB_STATEMENT_TIMEOUT_MS", 10_000)  # served queries
REQUEST_TIMEOUT = _env_positive_int("HANGAR_REQUEST_TIMEOUT", 20)  # seconds before a request is a 503
DEBUG = _env_bool("HANGAR_DEBUG", False)
SECRET_KEY_PLACEHOLDER = "hangar-insecure-default-key-set-HANGAR_SECRET_KEY"  # `serve` refuses it
SECRET_KEY = os.environ.get("HANGAR_SECRET_KEY") or SECRET_KEY_PLACEHOLDER
ADMIN = _env_bool("HANGAR_ADMIN", True)  # off: /admin/ is not mounted
HSTS_SECONDS = _env_int("HANGAR_HSTS_SECONDS", 0)  # Strict-Transport-Security max-age; 0: none
HSTS_SUBDOMAINS = _env_bool("HANGAR_HSTS_SUBDOMAINS", True)
HSTS_PRELOAD = _env_bool("HANGAR_HSTS_PRELOAD", False)
SSL_REDIRECT = _env_bool("HANGAR_SSL_REDIRECT", False)  # http:// requests redirected to https://
PROXY_SSL_HEADER = os.environ.get("HANGAR_PROXY_SSL_HEADER", "")  # e.g. X-Forwarded-Proto
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("HANGAR_ALLOWED_HOSTS", "*").split(",") if h.strip()]
# ---------------------------------------------------------------------------------------------------

if PUBLIC_URL:
    ALLOWED_HOSTS.append(urlsplit(PUBLIC_URL).hostname)

# HTTPS. Behind a proxy that terminates TLS, HANGAR_PUBLIC_URL=https://… already makes every request
# secure to Django (api.middleware), so cookies are secure and HSTS is sent; HANGAR_PROXY_SSL_HEADER
# is for proxies that say the scheme in a header instead (it keeps cache hits inside Django).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PUBLIC_URL.startswith("https://")
SECURE_HSTS_SECONDS = HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = HSTS_SUBDOMAINS
SECURE_HSTS_PRELOAD = HSTS_PRELOAD
SECURE_SSL_REDIRECT = SSL_REDIRECT
if PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + PROXY_SSL_HEADER.upper().replace("-", "_"), "https")

BASE_DIR = Path(__file__).resolve().parent

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc assets, served by WhiteNoise: docs work offline
    "corsheaders",
    "hangar.catalog",
    "hangar.access",
    "hangar.api",
    "hangar.ingest",
    "hangar",  # the composition root: `hangar serve`
]

MIDDLEWARE = [
    "hangar.api.middleware.PublicURLMiddleware",
    # Outside the response cache, so that hits carry CORS headers and count against rate limits.
    "corsheaders.middleware.CorsMiddleware",
    "hangar.api.throttling.ThrottleMiddleware",
    "hangar.api.cache.responses.ResponseCacheMiddleware",  # after the host rewrite its keys depend on
    "hangar.api.metrics.DatabaseTimeMiddleware",  # misses only: a hit never gets this far
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hangar.urls"
WSGI_APPLICATION = "hangar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],  # before the apps': overrides DRF's browsable page (api.html)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": _database(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A connection that died while idle (a database restart) is replaced on the next request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = DB_CONNECT_TIMEOUT
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _make_directory(Path(DATABASES["default"]["NAME"]).parent)
    # Kept open: opening a file and running the PRAGMAs costs ~1 ms, more than a cached answer.
    # Under WAL an idle connection in autocommit holds no lock, so writers are not held up.
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets gunicorn workers read while an import writes; IMMEDIATE avoids upgrade deadlocks.
        # journal_size_limit: a checkpointed WAL shrinks back to 64 MB, not to the largest transaction.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://")):
        raise ImproperlyConfigured(f"HANGAR_CACHE_URL must be a redis:// URL, not {CACHE_URL!r}")
    # Best effort: Redis down, hung or full costs speed, never an answer (api.cache.shared).
    CACHES = {
        "default": {
            "BACKEND": "hangar.api.cache.shared.RedisCache",
            "LOCATION": CACHE_URL,
            "TIMEOUT": CACHE_TTL,
            "KEY_PREFIX": CACHE_PREFIX,
            "OPTIONS": {"TIMEOUT_MS": CACHE_TIMEOUT_MS},
        }
    }
else:
    # Bounded in bytes as well as entries: a detailed page of 100 spacecraft is 1.5 MB, a count a few bytes.
    CACHES = {
        "default": {
            "BACKEND": "hangar.api.cache.locmem.LocMemCache",
            "LOCATION": "hangar",
            "TIMEOUT": CACHE_TTL,
            "OPTIONS": {"MAX_ENTRIES": 10_000, "MAX_BYTES": CACHE_MB * 1024 * 1024},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

# CORS (django-cors-headers): browsers on any origin may read the API, as upstream's; nothing else.
CORS_ALLOW_ALL_ORIGINS = CORS_ORIGINS == ["*"]
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS or CORS_ORIGINS == ["off"] else CORS_ORIGINS
CORS_URLS_REGEX = r"^$" if CORS_ORIGINS == ["off"] else r"^/2\.3\.0/"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
CORS_PREFLIGHT_MAX_AGE = 86400

STATIC_URL = "/static/"
WHITENOISE_USE_FINDERS = True  # serve admin/DRF assets straight from the installed packages
WHITENOISE_AUTOREFRESH = DEBUG

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "hangar.api.renderers.JSONRenderer",  # DRF's, passing pre-rendered fast-path bodies through
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "hangar.api.negotiation.ContentNegotiation",  # DRF's, memoized
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "hangar.api.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 10,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "hangar.api.filters.backends.SearchFilter",
        "hangar.api.filters.backends.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "hangar.api.docs.ModeAwareAutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Hangar — Launch Library 2 compatible API",
    "DESCRIPTION": "An open, self-hostable server that speaks Launch Library 2 version 2.3.0.",
    "VERSION": "2.3.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # validatorUrl: Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None, "displayRequestDuration": True},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused Host or an unavailable database: one line each, not a traceback per request.
    "filters": {"one_line": {"()": "hangar.api.errors.OneLineFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
