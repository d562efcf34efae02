"""The one settings module. Everything that differs between installations comes from the
environment; see README.md ("Betrieb / production") for the variables."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO

from wir.core.languages import CATALOGUE, DEFAULT_LANGUAGE, extra_lang_info
from wir.env import (
    cache_settings,
    email_settings,
    env_bool,
    env_int,
    env_list,
    env_str,
    limits_cache_settings,
    machine_translation_settings,
    secret_key,
    session_cache_settings,
    trusted_proxies,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("WIR_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Behind TLS (production) everything is secure by flag; `check --deploy` passes with it.
HTTPS = env_bool("WIR_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS and env_bool("WIR_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("WIR_HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and env_bool("WIR_HSTS_PRELOAD", False)
BEHIND_PROXY = env_bool("WIR_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The visitor's address (rate limits, sign-in lock-out) is the N-th entry from the right of
# X-Forwarded-For for N trusted proxies; 0 means the connection's own address.
WIR_TRUSTED_PROXIES = trusted_proxies(BEHIND_PROXY)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # SAMEORIGIN, not DENY: Wagtail's live preview is a same-origin frame
]
if HTTPS and not SECURE_HSTS_PRELOAD:
    # Joining the browsers' HSTS preload list is the operator's decision (WIR_HSTS_PRELOAD=1).
    SILENCED_SYSTEM_CHECKS.append("security.W021")

INSTALLED_APPS = [
    "wir.core",
    "wir.accounts",
    "wir.privacy",
    "wir.portal",
    "wir.api",
    "wir.offline",
    "wir.translation",
    "wir.sprachpool",
    "wir.volunteers",
    "wir.network",
    "wir.media",
    "wir.reports",
    "wir.demo",
    "ninja",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Anonymous public GETs whose answer is cached end here: a lookup and a freshness check
    # (wir/core/hotpath.py; docs/architecture.md "Caching").
    "wir.core.hotpath.PublicAnswerCacheMiddleware",
    # Above WIR_MAX_IN_FLIGHT requests per process: 503 + Retry-After at once, never a
    # queue that ends in timeouts (wir/core/shedding.py). Cached answers are not counted.
    "wir.core.shedding.LoadSheddingMiddleware",
    # Reads of anonymous public GETs may go to DATABASE_REPLICA_URL (wir/core/dbrouter.py).
    "wir.core.dbrouter.PublicReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "wir.accounts.middleware.TwoFactorRequiredMiddleware",
    # One decision for every back-office route, with the object's region (deny by default).
    "wir.accounts.admin_gate.AdminGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wir.core.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes must come last: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wir.urls"
WSGI_APPLICATION = "wir.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "wir" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wir.core.context_processors.site",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'wir.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open per worker thread like PostgreSQL: opening one (with its PRAGMAs) cost more
    # than a whole answer from the hot path.
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
        # BEGIN so that two writers queue instead of failing half-way with "locked".
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("WIR_TEST_SQLITE", "") or None}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "WIR_PG_PREPARED_STATEMENTS", True
):
    # psycopg may prepare statements (off in Django's default, for poolers that cannot
    # keep them: PgBouncer in transaction mode before 1.21): only the search's ranked
    # statement asks for it (wir/portal/search_index.py); Django's cursors bind on the
    # client and never prepare.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5
# The audit log's purge runs as a maintenance role, since the application's role may only
# INSERT and SELECT on it (docs/datenschutz.md): WIR_AUDIT_PURGE_DATABASE_URL, else "default".
_purge_url = env_str("WIR_AUDIT_PURGE_DATABASE_URL", "")
if _purge_url:
    DATABASES["audit_purge"] = dj_database_url.parse(_purge_url, conn_max_age=0)
    DATABASES["audit_purge"]["TEST"] = {"MIRROR": "default"}
WIR_AUDIT_PURGE_DATABASE = "audit_purge" if _purge_url else "default"
# A read replica of the primary for anonymous public reads (docs/operations.md): the
# router sends them there; writes and everything else stay on "default".
_replica_url = env_str("DATABASE_REPLICA_URL", "")
if _replica_url:
    DATABASES["replica"] = dj_database_url.parse(_replica_url, conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
WIR_REPLICA_DATABASE = "replica" if _replica_url else None
DATABASE_ROUTERS = ["wir.core.dbrouter.PublicReadRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered API answers, offline bundles: with several worker processes use a shared cache
# (CACHE_URL=db: or redis://…) so that they share them. Rate limits live in a cache of their
# own ("limits", WIR_LIMITS_CACHE_URL, by default like CACHE_URL but separate) that public
# traffic cannot flush.
CACHE_URL = env_str("CACHE_URL", "locmem:")
CACHES = cache_settings(CACHE_URL)
CACHES["limits"] = limits_cache_settings(env_str("WIR_LIMITS_CACHE_URL", ""), CACHE_URL)
# Sessions: rows in the database (default); with WIR_SESSION_CACHE_URL (e.g. the shared
# Redis of several app servers) read from that cache and written through to the database,
# so that a cache that loses them signs nobody out.
_session_cache_url = env_str("WIR_SESSION_CACHE_URL", "")
if _session_cache_url:
    CACHES["sessions"] = session_cache_settings(_session_cache_url)
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"

# --- accounts and sign-in -----------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/admin/"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "/konto/anmelden/"
# Accounts are managed by the coordination (docs/rollen-und-rechte.md): no self-service
# password reset by mail, which would also be an unthrottled mail sender.
WAGTAIL_PASSWORD_RESET_ENABLED = False

# django-axes: lock a username from one address after repeated failures.
AXES_FAILURE_LIMIT = env_int("WIR_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "wir.accounts.views.locked_out"
AXES_VERBOSE = False
# Lock-outs are rows in the database (axes' default handler), never evicted; the address is
# the same as for rate limits (WIR_TRUSTED_PROXIES).
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "wir.core.ratelimit.client_address"
AXES_CACHE = "limits"
OTP_TOTP_ISSUER = env_str("WIR_TOTP_ISSUER", "WIR-Plattform")
OTP_TOTP_THROTTLE_FACTOR = 1

# --- languages ------------------------------------------------------------------------
LANG_INFO.update(extra_lang_info())
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = [(info.code, info.native_name) for info in CATALOGUE]
LANGUAGES_BIDI = [info.code for info in CATALOGUE if info.direction == "rtl"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "wir" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

# --- static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "wir" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("WIR_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- mail -----------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "WIR-Plattform <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
globals().update(email_settings(env_str("EMAIL_URL", "console:")))

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WIR_SITE_NAME", "WIR — Was ist wo?")
WAGTAILADMIN_BASE_URL = env_str("WIR_BASE_URL", "http://127.0.0.1:8000")
# Images need an alternative text (wir.media): in the model, the database and the form.
WAGTAILIMAGES_IMAGE_MODEL = "media.AccessibleImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "wir.media.forms.ImageForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: no third-party requests (and the CSP forbids them anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAILEMBEDS_FINDERS: list[dict[str, object]] = []  # no network by default
# Slugs keep umlauts and non-Latin letters (/de/behörden/, Arabic, Farsi), as Integreat's do.
WAGTAIL_ALLOW_UNICODE_SLUGS = True

# Offers not checked for this many months are listed for the editors and flagged.
WIR_OFFER_REVIEW_MONTHS = env_int("WIR_OFFER_REVIEW_MONTHS", 12)
# The audit log of access to personal data is kept this many days, then deleted daily.
WIR_AUDIT_RETENTION_DAYS = env_int("WIR_AUDIT_RETENTION_DAYS", 730)

# Directory and search lists show this many entries per page.
WIR_PAGE_SIZE = env_int("WIR_PAGE_SIZE", 20)
# Requests per worker process that may run through the full stack at once; more are shed
# with 503 + Retry-After (wir/core/shedding.py, docs/operations.md "Load shedding"). 0: off.
WIR_MAX_IN_FLIGHT = env_int("WIR_MAX_IN_FLIGHT", 4)

# Hosts whose iframes (videos, forms) may appear in rich text, e.g. "www.youtube-nocookie.com".
WIR_IFRAME_HOSTS = env_list("WIR_IFRAME_HOSTS", [])

# Map tiles (optional, e.g. an own tile server): "https://tiles.example.org/{z}/{x}/{y}.png".
# Without it, maps show the markers on a plain background; the lists always work.
WIR_MAP_TILES_URL = env_str("WIR_MAP_TILES_URL", "")
WIR_MAP_ATTRIBUTION = env_str("WIR_MAP_ATTRIBUTION", "")

# Machine translation (docs/maschinelle-uebersetzung.md): WIR_MT_PROVIDER none|deepl|libretranslate,
# WIR_DEEPL_KEY/_URL, WIR_LIBRETRANSLATE_URL/_KEY, WIR_MT_TIMEOUT (seconds); WIR_MT_BACKGROUND=1
# leaves batches queued for `manage.py run_translation_jobs` instead of running them in the request.
_machine_translation = machine_translation_settings()
WIR_MT_PROVIDER: str = _machine_translation["WIR_MT_PROVIDER"]
WIR_MT_TIMEOUT: int = _machine_translation["WIR_MT_TIMEOUT"]
WIR_MT_BACKGROUND: bool = _machine_translation["WIR_MT_BACKGROUND"]
WIR_DEEPL_KEY: str = _machine_translation["WIR_DEEPL_KEY"]
WIR_DEEPL_URL: str = _machine_translation["WIR_DEEPL_URL"]
WIR_LIBRETRANSLATE_URL: str = _machine_translation["WIR_LIBRETRANSLATE_URL"]
WIR_LIBRETRANSLATE_KEY: str = _machine_translation["WIR_LIBRETRANSLATE_KEY"]

# Offline bundles (content-addressed files and their manifests), rebuilt when content changes.
# The programme report (wir/reports): WIR_REPORTS_BACKGROUND=1 leaves requested reports queued
# for `manage.py run_report_runs --loop` (started by `make run`) instead of computing them in
# the request.
WIR_REPORTS_BACKGROUND = env_bool("WIR_REPORTS_BACKGROUND", False)

WIR_OFFLINE_DIR = Path(env_str("WIR_OFFLINE_DIR", str(VAR_DIR / "offline")))

# Backups (`manage.py backup` / `restore`, docs/backup.md): with a key (at least 16 characters)
# the archive is encrypted (AES-256-GCM, key derived with scrypt). Keep the key apart from
# the backups: without it they cannot be read.
WIR_BACKUP_KEY = env_str("WIR_BACKUP_KEY", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
