"""Health endpoints (no login, no tenant data), the Prometheus endpoint and the metrics page."""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from collections import defaultdict

import redis
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from redis.backoff import NoBackoff
from redis.retry import Retry

from agents.access import Access, business_get_for_user, user_can_edit
from agents.http import HtmxHttpRequest, login_required
from agents.models import Business, Membership
from agents.selectors import business_list_for_user
from monitoring.alert_rules import SPECS, alert_rule_list, alert_rule_update
from monitoring.forms import AlertRuleForm, NotificationPreferenceForm, NotificationSettingsForm
from monitoring.metrics import metrics_for_businesses
from monitoring.models import (
    EVENT_KINDS,
    MetricAlertRule,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from monitoring.notifications import (
    business_time_zone,
    email_is_configured,
    email_kinds_for,
    notification_list_recent,
    notification_preference_set,
    notification_send_test,
    notification_settings_for,
    notification_settings_update,
)
from monitoring.prometheus import render_metrics
from monitoring.trends import trend_sparklines, trends_for_businesses

logger = logging.getLogger(__name__)

WINDOWS = {"24h": dt.timedelta(hours=24), "7d": dt.timedelta(days=7), "30d": dt.timedelta(days=30)}
# Each window as the switch names it, and as a phrase ("No conversations in the last 7d.").
WINDOW_LABELS = {
    "24h": gettext_lazy("Last 24h"),
    "7d": gettext_lazy("Last 7d"),
    "30d": gettext_lazy("Last 30d"),
}
WINDOW_SPANS = {
    "24h": gettext_lazy("the last 24h"),
    "7d": gettext_lazy("the last 7d"),
    "30d": gettext_lazy("the last 30d"),
}

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


@require_GET
@login_required
@vary_on_headers("HX-Request")
def metrics_dashboard(request: HtmxHttpRequest) -> HttpResponse:
    """Each business's figures over a window; the page polls its cards (HTMX) every 10 s, so
    an expired session answers the poll with ``HX-Redirect`` to the login page rather than
    the login page swapped into the cards, and the two answers are cached apart."""
    window = request.GET.get("window", "7d")
    if window not in WINDOWS:
        window = "7d"
    businesses = list(business_list_for_user(user=request.user))
    firing: dict[int, list[MetricAlertRule]] = defaultdict(list)
    for rule in MetricAlertRule.objects.filter(
        business__in=businesses, is_active=True, is_firing=True
    ):
        firing[rule.business_id].append(rule)
    metrics = metrics_for_businesses(businesses=businesses, since=timezone.now() - WINDOWS[window])
    trends = {
        business_id: trend_sparklines(trend)
        for business_id, trend in trends_for_businesses(businesses=businesses).items()
    }
    context = {
        # each business's figures, with the alert rules it is breaking now
        "cards": [(m, firing[m.business.pk], trends[m.business.pk]) for m in metrics],
        "window": window,
        "window_span": WINDOW_SPANS[window],
        "windows": [(name, WINDOW_LABELS[name]) for name in WINDOWS],
    }
    template = (
        "monitoring/partials/metrics_cards.html" if request.htmx else "monitoring/dashboard.html"
    )
    return render(request, template, context)


# --- alert rules on business metrics ----------------------------------------------------------


@require_GET
@login_required
def alert_rules(request: HtmxHttpRequest) -> HttpResponse:
    """Every business's alert rules, their state, and (for owners) their settings."""
    businesses = list(business_list_for_user(user=request.user))
    rules = list(alert_rule_list(businesses=businesses))
    editable = {b.pk for b in businesses if user_can_edit(user=request.user, business=b)}
    groups = [
        {
            "business": business,
            "can_edit": business.pk in editable,
            "rules": [
                {"rule": rule, "spec": SPECS[rule.metric], "form": AlertRuleForm.for_rule(rule)}
                for rule in rules
                if rule.business_id == business.pk
            ],
        }
        for business in businesses
    ]
    return render(request, "monitoring/alert_rules.html", {"groups": groups})


@require_POST
@login_required
def alert_rule_edit(request: HtmxHttpRequest, business_id: int, rule_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    rule = get_object_or_404(MetricAlertRule, pk=rule_id, business=business)
    form = AlertRuleForm.for_rule(rule, data=request.POST)
    if not form.is_valid():
        problems = "; ".join(
            f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()
        )
        messages.error(
            request,
            gettext("%(metric)s not saved. %(problems)s")
            % {"metric": rule.get_metric_display(), "problems": problems},
        )
        return redirect("alert_rules")
    try:
        alert_rule_update(rule=rule, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if rule.is_active:
            note = gettext("%(business)s: %(metric)s saved (on).")
        else:
            note = gettext("%(business)s: %(metric)s saved (off).")
        messages.success(
            request, note % {"business": business.name, "metric": rule.get_metric_display()}
        )
    return redirect("alert_rules")


# --- notifications to the business ------------------------------------------------------------

# The grid's columns: which setting each checkbox column edits, and its heading.
NOTIFICATION_COLUMNS = [
    ("owner_email_kinds", gettext_lazy("Owners, by e-mail")),
    ("reviewer_email_kinds", gettext_lazy("Reviewers, by e-mail")),
    ("slack_kinds", gettext_lazy("Slack")),
    ("whatsapp_kinds", gettext_lazy("WhatsApp")),
    ("urgent_kinds", gettext_lazy("Also in quiet hours")),
]


def _notification_group(request: HttpRequest, business: Business, config) -> dict:
    membership = Membership.objects.filter(user=request.user, business=business).first()
    preference = NotificationPreference.objects.filter(user=request.user, business=business).first()
    mine = (
        email_kinds_for(membership=membership, config=config, preference=preference)
        if membership
        else []
    )
    kinds = [(kind, NotificationKind(kind).label) for kind in EVENT_KINDS]
    return {
        "business": business,
        "config": config,
        "can_edit": user_can_edit(user=request.user, business=business),
        "time_zone": business_time_zone(business).key,
        "columns": [label for _, label in NOTIFICATION_COLUMNS],
        "grid": [
            {
                "kind": kind,
                "label": label,
                "cells": [
                    {"name": name, "column": column, "checked": kind in getattr(config, name)}
                    for name, column in NOTIFICATION_COLUMNS
                ],
            }
            for kind, label in kinds
        ],
        "membership": membership,
        "my_follow_role": preference is None or preference.email_kinds is None,
        "my_kinds": [(kind, label, kind in mine) for kind, label in kinds],
        "my_language": preference.language if preference else request.LANGUAGE_CODE,
        "recent": notification_list_recent(business=business),
    }


def _notifications_page(request: HttpRequest, businesses: list[Business]) -> HttpResponse:
    configs = notification_settings_for(businesses=businesses)
    return render(
        request,
        "monitoring/notifications.html",
        {
            "groups": [_notification_group(request, b, configs[b.pk]) for b in businesses],
            "email_configured": email_is_configured(),
            "site_url": settings.SITE_URL,
            "languages": settings.LANGUAGES,
        },
    )


@require_GET
@login_required
def notification_settings(request: HtmxHttpRequest) -> HttpResponse:
    """Every business's notification settings: owners edit, reviewers read (and choose their
    own e-mails)."""
    return _notifications_page(request, list(business_list_for_user(user=request.user)))


@require_GET
@login_required
def notification_settings_business(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    """One business's settings, the page the e-mails link to; anyone else gets a 404."""
    return _notifications_page(
        request, [business_get_for_user(user=request.user, business_id=business_id)]
    )


def _form_problems(form) -> str:
    return "; ".join(
        " ".join(errors) if name == "__all__" else f"{form.fields[name].label}: {' '.join(errors)}"
        for name, errors in form.errors.items()
    )


@require_POST
@login_required
def notification_settings_edit(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    form = NotificationSettingsForm(request.POST)
    back = redirect("notification_settings_business", business.pk)
    if not form.is_valid():
        messages.error(
            request,
            gettext("Notification settings not saved. %(problems)s")
            % {"problems": _form_problems(form)},
        )
        return back
    config = notification_settings_for(businesses=[business])[business.pk]
    try:
        notification_settings_update(config=config, **form.cleaned_data)
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request, gettext("%(business)s: notification settings saved.") % {"business": business}
        )
    return back


@require_POST
@login_required
def notification_preference_edit(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id)
    membership = get_object_or_404(Membership, user=request.user, business=business)
    form = NotificationPreferenceForm(request.POST)
    back = redirect("notification_settings_business", business.pk)
    if not form.is_valid():
        messages.error(
            request,
            gettext("Your choices were not saved. %(problems)s")
            % {"problems": _form_problems(form)},
        )
        return back
    data = form.cleaned_data
    notification_preference_set(
        membership=membership,
        email_kinds=None if data["follow_role"] else data["email_kinds"],
        language=data["language"],
    )
    messages.success(
        request, gettext("%(business)s: your e-mail choices are saved.") % {"business": business}
    )
    return back


@require_POST
@login_required
def notification_test(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    """Send a test notification now and show, per destination, what happened."""
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    results = notification_send_test(business=business, user=request.user)
    if not results:
        messages.error(
            request,
            gettext(
                "Nothing to test: add an e-mail address to your account, a Slack webhook or a "
                "WhatsApp number."
            ),
        )
    for result in results:
        channel = Notification.Channel(result.channel).label
        if result.sent:
            messages.success(
                request,
                gettext("Test sent by %(channel)s to %(to)s.")
                % {"channel": channel, "to": result.recipient},
            )
        else:
            messages.error(
                request,
                gettext("Test by %(channel)s to %(to)s not sent: %(error)s")
                % {"channel": channel, "to": result.recipient, "error": result.detail},
            )
    return redirect("notification_settings_business", business.pk)
