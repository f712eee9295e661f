"""Reads for the leads page and its CSV export. Every query is scoped by the user's memberships.

A lead row exists for every conversation the extraction has read; rows where the customer has
told us nothing at all are never listed (there is nothing to act on). The filter picks which
of the rest to show: the captured ones (a contact detail or name, and a need) by default, one
score, or all.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator

from django.db.models import Count, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from agents.selectors import User, business_filter_for_user, business_local_time
from conversations.models import LEAD_CAPTURED, Lead
from conversations.services.leads import LEAD_FIELDS

LEAD_LIST_LIMIT = 200

# (value of ?score=, label), in the order the page offers them.
LEAD_FILTERS: tuple[tuple[str, str | Promise], ...] = (
    ("captured", pgettext_lazy("lead filter", "Captured")),
    (Lead.Score.HOT, pgettext_lazy("lead filter", "Hot")),
    (Lead.Score.WARM, pgettext_lazy("lead filter", "Warm")),
    (Lead.Score.COLD, pgettext_lazy("lead filter", "Cold")),
    ("all", pgettext_lazy("lead filter", "All")),
)
DEFAULT_LEAD_FILTER = "captured"

# The customer has told us at least one thing.
KNOWN = functools.reduce(operator.or_, (~Q(**{field: ""}) for field in LEAD_FIELDS))


def lead_filter_parse(value: str | None) -> str:
    """The filter named by ``?score=``; anything unknown means the default."""
    return value if value in dict(LEAD_FILTERS) else DEFAULT_LEAD_FILTER


def _filter_condition(show: str) -> Q:
    if show == "captured":
        return LEAD_CAPTURED
    if show == "all":
        return Q()
    return Q(score=show)


def _leads_for_user(*, user: User, show: str) -> QuerySet[Lead]:
    return (
        Lead.objects.filter(business_filter_for_user(user=user), KNOWN, _filter_condition(show))
        .select_related("business", "conversation__contact")
        .order_by("-updated_at", "-id")
    )


def lead_list_for_user(
    *, user: User, show: str = DEFAULT_LEAD_FILTER, limit: int = LEAD_LIST_LIMIT
) -> list[Lead]:
    """The user's leads matching the filter, most recently updated first; one query."""
    return list(_leads_for_user(user=user, show=show)[:limit])


def lead_iter_for_export(*, user: User, show: str = DEFAULT_LEAD_FILTER) -> Iterator[Lead]:
    """Every matching lead, streamed from the database in chunks, for the CSV export."""
    return _leads_for_user(user=user, show=show).iterator(chunk_size=500)


def lead_counts_for_user(*, user: User) -> dict[str, int]:
    """How many leads each filter would show, in one query."""
    counts = Lead.objects.filter(business_filter_for_user(user=user), KNOWN).aggregate(
        **{show: Count("id", filter=_filter_condition(show)) for show, _ in LEAD_FILTERS}
    )
    return {show: counts[show] or 0 for show, _ in LEAD_FILTERS}


LEAD_EXPORT_COLUMNS = (
    "business",
    "name",
    "phone",
    "email",
    "need",
    "budget",
    "timeline",
    "score",
    "captured",
    "conversation_url",
    "updated_at",
)
# A spreadsheet runs a cell that starts with one of these as a formula; what a customer wrote
# must stay text (OWASP's CSV injection advice: prefix a quote).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def lead_export_rows(
    *, user: User, show: str, conversation_url: Callable[[int], str]
) -> Iterator[list[str]]:
    """The CSV export: the header, then one row per lead the page would list (without its cap).

    Phones are ours (E.164, digits after an optional +), so they are written as they are.
    """
    yield list(LEAD_EXPORT_COLUMNS)
    for lead in lead_iter_for_export(user=user, show=show):
        yield [
            _as_text(lead.business.name),
            _as_text(lead.name),
            lead.phone,
            _as_text(lead.email),
            _as_text(lead.need),
            _as_text(lead.budget),
            _as_text(lead.timeline),
            lead.score,
            "yes" if lead.is_captured else "no",
            conversation_url(lead.conversation_id),
            # On the business's clock, with its offset: Excel shows the local time.
            business_local_time(business=lead.business, at=lead.updated_at).isoformat(
                timespec="seconds"
            ),
        ]
