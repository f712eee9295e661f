"""Switchboard settings. Every value the operating contract names is read here, once."""

from __future__ import annotations

from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", False)
SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_rq",
    "agents",
    "conversations",
    "prompts_app",
    "monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "agents.context_processors.businesses",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60, minimum=0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "conversations:list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("he", "עברית")]
TIME_ZONE = "UTC"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
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

if not DEBUG:
    SESSION_COOKIE_HTTPONLY = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Redis and queues -------------------------------------------------------------------------
# Queue names are part of the operating contract: workers listen on "replies" first
# (customer-facing) and "background" second (summaries, lead extraction, sweeps).
REDIS_URL = envstr("REDIS_URL", "redis://127.0.0.1:6379/0")
REPLY_QUEUE = "replies"
BACKGROUND_QUEUE = "background"
RQ_QUEUES = {
    REPLY_QUEUE: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 120},
    BACKGROUND_QUEUE: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 300},
}
RQ = {"COMMIT_MODE": "on_db_commit"}

# --- The reply path ---------------------------------------------------------------------------
# A burst of customer messages within this many seconds gets one reply that reads them all.
REPLY_DEBOUNCE_SECONDS = envint("REPLY_DEBOUNCE_SECONDS", 3, minimum=0)
# How long one worker may hold a conversation; a worker that dies lets go when it expires.
REPLY_LOCK_SECONDS = envint("REPLY_LOCK_SECONDS", 90, minimum=5)
# The sweeper re-enqueues customer messages unanswered for this long, and re-sends replies
# whose sender vanished this long ago.
SWEEP_AFTER_SECONDS = envint("SWEEP_AFTER_SECONDS", 60, minimum=1)
# A safety net for a summary that is far behind (its job failing for hours): never send
# more than this many messages verbatim.
REPLY_MAX_VERBATIM_MESSAGES = envint("REPLY_MAX_VERBATIM_MESSAGES", 40, minimum=1)
# Unsummarised older messages that trigger a summary refresh (background work).
SUMMARY_BATCH_MESSAGES = envint("SUMMARY_BATCH_MESSAGES", 4, minimum=1)

# --- LLM (Anthropic) --------------------------------------------------------------------------
ANTHROPIC_API_KEY = envstr("ANTHROPIC_API_KEY")
ANTHROPIC_BASE_URL = envstr("ANTHROPIC_BASE_URL")
LLM_TIMEOUT_SECONDS = envint("LLM_TIMEOUT_SECONDS", 60, minimum=1)
LLM_REPLY_MAX_TOKENS = envint("LLM_REPLY_MAX_TOKENS", 600, minimum=1)
# Account-wide limits per model class, as Anthropic enforces them. The three variables set
# every class; LLM_<DIMENSION>_PER_MINUTE_<CLASS> (e.g. LLM_REQUESTS_PER_MINUTE_SONNET)
# overrides one class.
LLM_REQUESTS_PER_MINUTE = envint("LLM_REQUESTS_PER_MINUTE", 50, minimum=1)
LLM_INPUT_TOKENS_PER_MINUTE = envint("LLM_INPUT_TOKENS_PER_MINUTE", 50_000, minimum=1)
LLM_OUTPUT_TOKENS_PER_MINUTE = envint("LLM_OUTPUT_TOKENS_PER_MINUTE", 10_000, minimum=1)
LLM_LIMITS_BY_CLASS = {
    model_class: {
        dimension: envint(f"LLM_{dimension.upper()}_PER_MINUTE_{model_class.upper()}", default)
        for dimension, default in (
            ("requests", LLM_REQUESTS_PER_MINUTE),
            ("input_tokens", LLM_INPUT_TOKENS_PER_MINUTE),
            ("output_tokens", LLM_OUTPUT_TOKENS_PER_MINUTE),
        )
    }
    for model_class in ("haiku", "sonnet", "opus")
}
# Off only for measuring what happens without it (bench/llm_budget.py's baseline).
LLM_BUDGET_ENABLED = envbool("LLM_BUDGET_ENABLED", True)
# The most the budget lets through at once, in seconds of refill: Anthropic may enforce a
# per-minute limit over shorter intervals, so a whole minute's burst is asking for 429s.
LLM_BUDGET_BURST_SECONDS = envint("LLM_BUDGET_BURST_SECONDS", 10, minimum=1)
# Share of each bucket that background work (summaries, lead extraction) may not touch.
LLM_BUDGET_BACKGROUND_RESERVE = 0.3
# A reply that would wait longer than this for budget is rescheduled, freeing the worker.
LLM_BUDGET_MAX_WAIT_SECONDS = envint("LLM_BUDGET_MAX_WAIT_SECONDS", 20, minimum=0)
LLM_MAX_ATTEMPTS = envint("LLM_MAX_ATTEMPTS", 4, minimum=1)

# Models and prices, in USD per million tokens (Anthropic's list prices; they change, so they
# live here and nowhere else). min_cache_tokens: the shortest prefix the model will cache.
LLM_MODELS = {
    "claude-haiku-4-5": {
        "input": "1.00",
        "output": "5.00",
        "cache_write": "1.25",
        "cache_read": "0.10",
        "min_cache_tokens": 4096,
    },
    "claude-sonnet-4-5": {
        "input": "3.00",
        "output": "15.00",
        "cache_write": "3.75",
        "cache_read": "0.30",
        "min_cache_tokens": 1024,
    },
    "claude-opus-4-5": {
        "input": "5.00",
        "output": "25.00",
        "cache_write": "6.25",
        "cache_read": "0.50",
        "min_cache_tokens": 4096,
    },
}

# --- WhatsApp Cloud API -----------------------------------------------------------------------
WHATSAPP_APP_SECRET = envstr("WHATSAPP_APP_SECRET")
WHATSAPP_VERIFY_TOKEN = envstr("WHATSAPP_VERIFY_TOKEN")
WHATSAPP_ACCESS_TOKEN = envstr("WHATSAPP_ACCESS_TOKEN")
WHATSAPP_API_URL = envstr("WHATSAPP_API_URL", "https://graph.facebook.com/v23.0").rstrip("/")
WHATSAPP_TIMEOUT_SECONDS = envint("WHATSAPP_TIMEOUT_SECONDS", 15, minimum=1)

# --- Metrics ----------------------------------------------------------------------------------
# When set, GET /metrics requires "Authorization: Bearer <token>" (Prometheus's
# authorization.credentials); unset, it is open, as is usual behind a private network.
METRICS_TOKEN = envstr("METRICS_TOKEN")

# --- Alerts -----------------------------------------------------------------------------------
SLACK_ALERTS_WEBHOOK = envstr("SLACK_ALERTS_WEBHOOK")

# --- Notifications to the business: links and e-mail -----------------------------------------
# The site's address as people reach it, for the absolute links in e-mails and Slack
# messages. Defaults to the development server's under DEBUG; unset in production, links are
# paths only and the notifications page says so.
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").strip().rstrip("/")
if SITE_URL:
    _site = urlsplit(SITE_URL)
    if _site.scheme not in {"http", "https"} or not _site.netloc or _site.query or _site.fragment:
        raise ImproperlyConfigured(
            f"SITE_URL must be an http(s) address such as https://switchboard.example.com, "
            f"got {SITE_URL!r}"
        )

# SMTP by default; ``make run`` sets EMAIL_BACKEND to the console backend, which prints each
# e-mail. With the SMTP backend and no EMAIL_HOST, e-mail is off: nothing is queued for it.
EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend").strip()
if "." not in EMAIL_BACKEND:
    raise ImproperlyConfigured(
        "EMAIL_BACKEND must be a dotted path such as "
        f"django.core.mail.backends.smtp.EmailBackend, got {EMAIL_BACKEND!r}"
    )
EMAIL_HOST = envstr("EMAIL_HOST").strip()
EMAIL_PORT = envint("EMAIL_PORT", 587, minimum=1)
if EMAIL_PORT > 65535:
    raise ImproperlyConfigured(f"EMAIL_PORT must be a TCP port (1-65535), got {EMAIL_PORT}")
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
if EMAIL_HOST_USER and not EMAIL_HOST_PASSWORD:
    raise ImproperlyConfigured("EMAIL_HOST_USER is set: EMAIL_HOST_PASSWORD must be set too")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
# A hung SMTP server holds a background worker no longer than this; the send is retried.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT_SECONDS", 10, minimum=1)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Switchboard <switchboard@localhost>").strip()
if "@" not in parseaddr(DEFAULT_FROM_EMAIL)[1]:
    raise ImproperlyConfigured(
        "DEFAULT_FROM_EMAIL must be an address such as 'Switchboard <alerts@example.com>', "
        f"got {DEFAULT_FROM_EMAIL!r}"
    )
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
