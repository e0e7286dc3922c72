"""Gazette settings: one file, every value from the environment with safe local defaults.

GAZETTE_ENV=production switches on the deployment checks (HTTPS, secure cookies, HSTS) and
refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from gazette.core.env import (
    ConfigurationError,
    env_bool,
    env_int,
    env_json,
    env_list,
    env_str,
)
from gazette.core.error_reports import start_error_reporting
from gazette.core.logs import logging_config
from gazette.core.storage import media_storage

# Lets admin and feed classes be subscripted at run time, as the type stubs expect.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("GAZETTE_VAR_DIR", str(BASE_DIR / "var")))

# ---------------------------------------------------------------- Django

PRODUCTION = env_str("GAZETTE_ENV", "local") == "production"
DEBUG = env_bool("DEBUG", default=False)


def _local_secret_key() -> str:
    """A random key kept in var/ so that cookies survive restarts of a local install."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ConfigurationError("Set ALLOWED_HOSTS to the host names Gazette is served under.")
else:
    SECRET_KEY = env_str("SECRET_KEY", "") or _local_secret_key()
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

# Extra keys accepted when verifying signatures, so SECRET_KEY can be rotated.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "gazette.core",
    "gazette.challenges",
    "gazette.accounts",
    "gazette.articles",
    "gazette.sites",
    "gazette.live",
    "gazette.reactions",
    "gazette.comments",
    "gazette.moderation",
    "gazette.newsroom",
    "gazette.importers",
    "gazette.api",
    "gazette.embed",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "gazette.demo",
]

MIDDLEWARE = [
    # Every log line written while a request is served names it (core/logs.py).
    "gazette.core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "gazette.api.cors.ApiCorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the kept pages' middleware, so that a page served from the cache has the header.
    "csp.middleware.CSPMiddleware",
    # Pages kept whole for readers without a session are served from here (core/pages.py).
    "gazette.core.pages.SharedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Same-origin posts are recognised by Sec-Fetch-Site / Origin, so that pages kept whole for
    # every reader need no token; requests without those headers get Django's token check.
    "gazette.core.csrf.OriginCheckMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A write the database could not take in time: 503 with Retry-After, nothing saved.
    "gazette.core.busy.DatabaseBusyMiddleware",
]

ROOT_URLCONF = "gazette.urls"
WSGI_APPLICATION = "gazette.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gazette" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gazette.core.context_processors.site",
                "gazette.articles.context_processors.navigation",
                "gazette.core.pages.context_processor",
            ],
        },
    },
]


def _database() -> dict[str, object]:
    default_sqlite = f"sqlite:///{VAR_DIR / 'gazette.sqlite3'}"
    config: dict[str, object] = dict(
        dj_database_url.parse(env_str("DATABASE_URL", "") or default_sqlite, conn_max_age=60)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers run beside one writer; IMMEDIATE takes the write lock up front so
        # concurrent transactions wait for it (busy timeout) instead of failing mid-way. The
        # connection is kept between requests like PostgreSQL's: opening one (its pragmas and
        # Django's SQL functions) cost more than serving a kept page.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Gazette's statements are short and many run at once: a parallel plan's workers cost
        # more to start (about 10 ms) than they save, and take the cores other requests need.
        options = dict(config.get("OPTIONS") or {})  # type: ignore[call-overload]
        options["options"] = " ".join(
            filter(None, ["-c max_parallel_workers_per_gather=0", options.get("options")])
        )
        config["OPTIONS"] = options
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}


def _cache() -> dict[str, object]:
    url = env_str("CACHE_URL", "") or env_str("REDIS_URL", "")
    if url.startswith(("redis://", "rediss://", "unix://")):
        # A Redis that hangs must not hold a request for long: pages then render without it
        # and protected actions answer 503 (core/fragments.py, challenges/ratelimit.py).
        timeout = env_int("CACHE_TIMEOUT_SECONDS", 1)
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url:
        raise ConfigurationError("CACHE_URL must start with redis://, rediss:// or locmem://.")
    # Shared by every worker process, unlike an in-memory cache.
    return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "gazette_cache"}


CACHES = {"default": _cache()}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# Uzbek is published in both its scripts, each an edition of its own (/uz/ in the official Latin
# alphabet, /uz-cyrl/ in Cyrillic). Kazakh in the Latin alphabet of 2021 (/kk-latn/, its articles
# written from the Cyrillic ones) is an edition the newsroom switches on.
GAZETTE_KAZAKH_LATIN = env_bool("GAZETTE_KAZAKH_LATIN", default=False)
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    *([("kk-latn", _("Kazakh (Latin)"))] if GAZETTE_KAZAKH_LATIN else []),
    ("uz", _("Uzbek (Latin)")),
    ("uz-cyrl", _("Uzbek (Cyrillic)")),
]
# Our catalogues, then Django's own texts (months, "2 hours ago", form errors) in the scripts
# Django does not ship: written by `manage.py derive_catalogues` from its Latin Uzbek.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "gazette" / "core" / "catalogues"]
# Date and number formats of the editions Django has none for (Uzbek and Kazakh in a second script).
FORMAT_MODULE_PATH = ["gazette.core.formats"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "gazette" / "static"]
STORAGES = {
    # Uploaded photos: MEDIA_ROOT on this server, or an S3-compatible store (core/storage.py).
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploaded photos are served by Django itself unless a front server (nginx, a CDN) takes over.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=not PRODUCTION)

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "articles:home"
LOGOUT_REDIRECT_URL = "articles:home"

# E-mail: printed to the console locally, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Gazette <newsroom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------- security

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp), the same header on every response, kept pages included:
# no page has inline script, so no nonce is needed and a kept page's bytes always agree with its
# header. Two inline styles are allowed by hash, tested against their sources in
# tests/core/test_content_security_policy.py: the ALTCHA widget's own stylesheet, which it adds
# to the page, and the self-contained error page's. The widget solves in Web Workers it starts
# from blob: URLs (worker-src). docs/security.md says why each source is there.
ALTCHA_STYLE_HASH = "'sha256-pg+oQARqMq4wCazyrsMt8HY89BJkXkEFkwNWxg2iPdg='"
ERROR_PAGE_STYLE_HASH = "'sha256-9rDFI2cJ/BucWrRfcWVbxTitv8gaCtBsEw0cqapY9Fg='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", ALTCHA_STYLE_HASH, ERROR_PAGE_STYLE_HASH],
        "img-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": ["/csp-report/"],
    },
}
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers ask for /health/ over plain HTTP, from inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

# Every line carries its time, level, logger and request id; LOG_FORMAT=json gives JSON lines.
LOGGING = logging_config(
    level=env_str("LOG_LEVEL", "WARNING"), json_lines=env_str("LOG_FORMAT", "text") == "json"
)
# Errors go to Sentry when a DSN is given, without readers' personal data (core/error_reports.py).
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    start_error_reporting(
        SENTRY_DSN, environment=env_str("SENTRY_ENVIRONMENT", env_str("GAZETTE_ENV", "local"))
    )

# ---------------------------------------------------------------- Gazette

GAZETTE_SITE_NAME = env_str("GAZETTE_SITE_NAME", "Gazette")
# Absolute base for links that leave the request (feeds read by aggregators, e-mails).
GAZETTE_BASE_URL = env_str("GAZETTE_BASE_URL", "")
GAZETTE_ARTICLES_PER_PAGE = env_int("GAZETTE_ARTICLES_PER_PAGE", 12)
# "Most read" counts the reads of the last so many days; "most discussed", the comments on
# articles published in them. Each list shows GAZETTE_POPULAR_LENGTH articles.
GAZETTE_POPULAR_DAYS = env_int("GAZETTE_POPULAR_DAYS", 7)
GAZETTE_POPULAR_LENGTH = env_int("GAZETTE_POPULAR_LENGTH", 5)
# Search counts and shows at most this many matches (past it, readers are asked for a word more).
GAZETTE_SEARCH_MAX_RESULTS = env_int("GAZETTE_SEARCH_MAX_RESULTS", 1000)
GAZETTE_PHOTO_MAX_BYTES = env_int("GAZETTE_PHOTO_MAX_BYTES", 10 * 1024 * 1024)
# Templates included under an article's body, in order; each receives `article`. The reactions
# and comments apps add theirs here, so that publishing needs no knowledge of them.
GAZETTE_ARTICLE_PANELS: list[str] = [
    "reactions/panel.html",
    "moderation/preset_panel.html",
    "comments/panel.html",
]
# Templates included on each edition's front page, beside the sections, in order.
GAZETTE_HOME_PANELS: list[str] = ["articles/most_read.html", "comments/most_discussed.html"]
# How many reverse proxies of ours sit in front of the app (their X-Forwarded-For is trusted).
GAZETTE_TRUSTED_PROXIES = env_int("GAZETTE_TRUSTED_PROXIES", 0)
# IPv6 senders are counted (rate limits, abuse counters) by the network of this prefix length:
# one subscriber is usually given a whole /64 and can rotate addresses inside it at will.
GAZETTE_IPV6_PREFIX = env_int("GAZETTE_IPV6_PREFIX", 64)
# /health/ reports the task queue "behind" when a task has waited longer than this to run.
GAZETTE_HEALTH_TASK_DELAY = env_int("GAZETTE_HEALTH_TASK_DELAY", 900)
# Functions called with each list of articles a page shows (e.g. to attach comment counts in
# one query), and templates shown in each teaser's meta line. Other apps register here.
GAZETTE_ARTICLE_LIST_HOOKS: list[str] = ["gazette.comments.queries.attach_comment_counts"]
GAZETTE_TEASER_BADGES: list[str] = ["comments/badge.html"]
# Reader pages are kept whole for readers without these cookies (nor a session or messages):
# the anonymous reader ID (votes, likes) and the proof of which comments this browser wrote.
GAZETTE_PERSONAL_COOKIES: list[str] = ["gz_reader", "gz_comments"]
# How long a front cache (nginx, a CDN) may serve a kept page without asking again: the longest
# a reader can see a page older than the last post, edit or moderation decision.
GAZETTE_SHARED_PAGE_SECONDS = env_int("GAZETTE_SHARED_PAGE_SECONDS", 5)
# Threads and reaction polls are keyed by (site, key); this install's own pages use this site.
GAZETTE_SITE_ID = env_str("GAZETTE_SITE_ID", "main")

# Live updates over server-sent events (docs/live-updates.md). With REDIS_URL the app servers
# wake each other through Redis pub/sub; without it each worker reads the event log every
# POLL_MS. The stream limits are per worker process.
GAZETTE_LIVE = {
    "REDIS_URL": env_str("GAZETTE_LIVE_REDIS_URL", "") or env_str("REDIS_URL", ""),
    "POLL_MS": env_int("GAZETTE_LIVE_POLL_MS", 150),
    "MAX_STREAMS": env_int("GAZETTE_LIVE_MAX_STREAMS", 4000),
    "MAX_STREAMS_PER_ADDRESS": env_int("GAZETTE_LIVE_MAX_STREAMS_PER_ADDRESS", 8),
    "HEARTBEAT_SECONDS": env_int("GAZETTE_LIVE_HEARTBEAT_SECONDS", 15),
    "IDLE_SECONDS": env_int("GAZETTE_LIVE_IDLE_SECONDS", 600),
    "KEEP_HOURS": env_int("GAZETTE_LIVE_KEEP_HOURS", 24),
}
# Single sign-on tokens of registered sites may expire at most this far ahead of their issue.
GAZETTE_SSO_MAX_TOKEN_SECONDS = env_int("GAZETTE_SSO_MAX_TOKEN_SECONDS", 600)
# A reader token given after single sign-on is valid this long; the host signs in again after.
GAZETTE_SSO_READER_HOURS = env_int("GAZETTE_SSO_READER_HOURS", 24)
# Webhooks: each delivery is tried this many times, waiting longer each time, this long each.
GAZETTE_WEBHOOK_ATTEMPTS = env_int("GAZETTE_WEBHOOK_ATTEMPTS", 8)
GAZETTE_WEBHOOK_TIMEOUT_SECONDS = env_int("GAZETTE_WEBHOOK_TIMEOUT_SECONDS", 5)
GAZETTE_WEBHOOK_FIRST_RETRY_SECONDS = env_int("GAZETTE_WEBHOOK_FIRST_RETRY_SECONDS", 30)

# ---------------------------------------------------------------- reactions

# Whether readers see counts only after voting ("after_vote") or always ("always"). How often
# a reader may vote is the "vote" rate of GAZETTE_CHALLENGES["RATES"].
GAZETTE_REACTIONS = {
    "SHOW_COUNTS": env_str("GAZETTE_REACTIONS_SHOW_COUNTS", "after_vote"),
}

# Background work (reply notifications, e-mail) runs through Django's tasks API; the queue lives
# in the database and `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# ---------------------------------------------------------------- comments

# Replies nest this many levels under a top-level comment; deeper replies attach to the last level.
GAZETTE_COMMENT_MAX_DEPTH = env_int("GAZETTE_COMMENT_MAX_DEPTH", 3)
GAZETTE_COMMENT_MAX_LENGTH = env_int("GAZETTE_COMMENT_MAX_LENGTH", 5000)
GAZETTE_COMMENTS_PER_PAGE = env_int("GAZETTE_COMMENTS_PER_PAGE", 30)
# Replies shown under each top-level comment of a thread page; the rest are a link away.
GAZETTE_COMMENT_REPLIES_SHOWN = env_int("GAZETTE_COMMENT_REPLIES_SHOWN", 3)
GAZETTE_COMMENT_EDIT_MINUTES = env_int("GAZETTE_COMMENT_EDIT_MINUTES", 15)
# Threads stop accepting comments this many days after publication (0: never).
GAZETTE_COMMENT_AUTO_CLOSE_DAYS = env_int("GAZETTE_COMMENT_AUTO_CLOSE_DAYS", 30)
GAZETTE_COMMENTS_REQUIRE_SIGN_IN = env_bool("GAZETTE_COMMENTS_REQUIRE_SIGN_IN", default=False)
# The same text from the same reader in the same thread within this many seconds is one comment.
GAZETTE_COMMENT_DEDUPE_SECONDS = env_int("GAZETTE_COMMENT_DEDUPE_SECONDS", 10)
# Address hashes and human-check signals of comments, likes and refused comments are blanked
# once they are this old (`manage.py purge_abuse_data`, hourly); docs/security.md says why 90.
GAZETTE_ABUSE_DATA_RETENTION_DAYS = env_int("GAZETTE_ABUSE_DATA_RETENTION_DAYS", 90)
# Every new comment is screened by this function; the moderation app replaces it.
GAZETTE_COMMENT_SCREENING = env_str(
    "GAZETTE_COMMENT_SCREENING", "gazette.moderation.screening.screen"
)
# The Comment Policy is the moderation app's: the URL name of its page, and a function giving the
# version in force, which each new comment records.
GAZETTE_COMMENT_POLICY_URL_NAME = "moderation:policy"
GAZETTE_COMMENT_POLICY_VERSION = "gazette.moderation.queries.current_policy_label"
# Captcha (ALTCHA proof of work) and rate limits; every key and its default: challenges/conf.py.
GAZETTE_CHALLENGES = {
    # Signs challenges; when empty, a key derived from SECRET_KEY is used.
    "HMAC_KEY": env_str("ALTCHA_HMAC_KEY", ""),
    "EXPIRES_SECONDS": env_int("GAZETTE_CHALLENGES_EXPIRES_SECONDS", 600),
    # Readers without JavaScript: "hold" their comments for moderation, or "refuse" them.
    "NO_JS": env_str("GAZETTE_CHALLENGES_NO_JS", "hold"),
    # Every reader action's rate limit, by name (docs/challenges.md); give only what you change.
    "RATES": env_json("GAZETTE_RATES", {}),
}

# ---------------------------------------------------------------- moderation

# Statements of reasons for the EU Transparency Database (docs/moderation.md): submission is off
# until both are set. The URL is the API's base, e.g. https://transparency.dsa.ec.europa.eu/api/v1
GAZETTE_TDB_URL = env_str("GAZETTE_TDB_URL", "")
GAZETTE_TDB_TOKEN = env_str("GAZETTE_TDB_TOKEN", "")
# A batch the database could not take (5xx, 429, no answer) is tried this many times in all,
# waiting GAZETTE_TDB_RETRY_SECONDS, then twice as long, between tries.
GAZETTE_TDB_ATTEMPTS = env_int("GAZETTE_TDB_ATTEMPTS", 4)
GAZETTE_TDB_RETRY_SECONDS = env_int("GAZETTE_TDB_RETRY_SECONDS", 5)
GAZETTE_TDB_TIMEOUT_SECONDS = env_int("GAZETTE_TDB_TIMEOUT_SECONDS", 30)
