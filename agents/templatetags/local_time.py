"""Times on the pages, on the clock of the business they belong to.

Every page that shows a time shows it in the business's own zone (``Business.time_zone``),
not the server's UTC: a message that reached a Tel Aviv salon at 05:29 reads 05:29. One tag
renders every such time, so the markup and the zone's abbreviation are the same everywhere:

    {% load local_time %}
    {% local_time message.timestamp conversation.business %}           18 Jan, 05:29
    {% local_time alert.created_at agent.business relative=True %}     3 minutes ago

Both render ``<time datetime="…UTC…" title="Sunday 18 January 2026, 05:29 IST">…</time>``.
A row's own business is passed, not the viewer's: an operator's list mixes businesses, and
each row keeps its own clock.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.templatetags.tz import do_timezone
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import SafeString

from agents.models import Business
from agents.selectors import business_local_time

register = template.Library()

SHORT_FORMAT = "j M, H:i"
FULL_FORMAT = "l j F Y, H:i T"


@register.simple_tag
def local_time(
    value: dt.datetime | None,
    business: Business | None,
    *,
    relative: bool = False,
    css: str = "",
    short: str = SHORT_FORMAT,
) -> SafeString | str:
    """A ``<time>`` element for ``value`` on ``business``'s clock; empty for no value."""
    if not isinstance(value, dt.datetime):
        return ""
    local = business_local(value, business)
    text = naturaltime(value) if relative else dateformat.format(local, short)
    return format_html(
        '<time{} datetime="{}" title="{}">{}</time>',
        format_html(' class="{}"', css) if css else "",
        value.astimezone(dt.UTC).isoformat(timespec="seconds"),
        dateformat.format(local, FULL_FORMAT),
        text,
    )


@register.filter
def business_local(value: dt.datetime | None, business: Business | None) -> dt.datetime | None:
    """``value`` on the business's clock, for a template that formats it itself
    (``|business_local:business|date:"H:i T"``); marked so ``date`` does not convert it back
    to the server's zone."""
    if not isinstance(value, dt.datetime):
        return value
    zone = business_local_time(business=business, at=value).tzinfo if business else dt.UTC
    return do_timezone(value, zone)


@register.simple_tag
def zone_label(business: Business | None) -> str:
    """Which clock a page's times are on, "Asia/Jerusalem (IST)", for a note beside them."""
    if business is None:
        return "UTC"
    local = business_local_time(business=business)
    return f"{business.time_zone} ({local.tzname()})"
