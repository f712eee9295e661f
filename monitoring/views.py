"""Health endpoints (no login, no tenant data), the Prometheus endpoint and the metrics page."""

from __future__ import annotations

import datetime as dt
import hmac
import logging

import redis
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from redis.backoff import NoBackoff
from redis.retry import Retry

from agents.selectors import business_list_for_user
from monitoring.metrics import metrics_for_businesses
from monitoring.prometheus import render_metrics

logger = logging.getLogger(__name__)

WINDOWS = {"24h": dt.timedelta(hours=24), "7d": dt.timedelta(days=7), "30d": dt.timedelta(days=30)}

# A readiness probe that hangs is worse than one that fails: the orchestrator's own timeout
# is usually a few seconds, so Redis gets one second to answer, without redis-py's retries.
REDIS_TIMEOUT_SECONDS = 1.0


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and serving requests. Touches neither the database nor Redis."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """The database and Redis both answer: this instance can take traffic."""
    checks = {"database": _check_database(), "redis": _check_redis()}
    ready = all(result == "ok" for result in checks.values())
    return JsonResponse(checks, status=200 if ready else 503)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return _failure(error)
    return "ok"


def _check_redis() -> str:
    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), retries=0),
    )
    try:
        client.ping()
    except redis.RedisError as error:
        return _failure(error)
    finally:
        client.close()
    return "ok"


def _failure(error: Exception) -> str:
    # The endpoint is public and probed every few seconds: one line, no traceback.
    lines = str(error).strip().splitlines()
    result = f"error: {type(error).__name__}"
    if lines:
        result += f": {lines[0][:200]}"
    logger.warning("readyz: %s", result)
    return result


@require_GET
@never_cache
def prometheus_metrics(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            return HttpResponse("unauthorized\n", status=401, content_type="text/plain")
    return HttpResponse(render_metrics(), content_type="text/plain; version=0.0.4; charset=utf-8")


@login_required
@require_GET
def metrics_dashboard(request: HttpRequest) -> HttpResponse:
    window = request.GET.get("window", "7d")
    if window not in WINDOWS:
        window = "7d"
    businesses = list(business_list_for_user(user=request.user))
    context = {
        "metrics": metrics_for_businesses(
            businesses=businesses, since=timezone.now() - WINDOWS[window]
        ),
        "window": window,
        "windows": list(WINDOWS),
        "businesses": businesses,
    }
    template = (
        "monitoring/partials/metrics_cards.html" if request.htmx else "monitoring/dashboard.html"
    )
    return render(request, template, context)
