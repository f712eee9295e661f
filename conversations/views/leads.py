"""The leads page and its CSV export, scoped like every other page by the user's memberships."""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from agents.http import HtmxHttpRequest, login_required
from conversations.selectors_leads import (
    LEAD_FILTERS,
    lead_counts_for_user,
    lead_export_rows,
    lead_filter_parse,
    lead_list_for_user,
)

# Excel reads a CSV as the machine's legacy code page unless it starts with a BOM; with it,
# Hebrew names come out as Hebrew.
UTF8_BOM = "\ufeff"


@require_safe
@login_required
@vary_on_headers("HX-Request")
def lead_list(request: HtmxHttpRequest) -> HttpResponse:
    show = lead_filter_parse(request.GET.get("score"))
    counts = lead_counts_for_user(user=request.user)
    context = {
        "leads": lead_list_for_user(user=request.user, show=show),
        "show": show,
        "filters": [(value, label, counts[value]) for value, label in LEAD_FILTERS],
        "total": counts["all"],
    }
    if request.htmx:
        return render(request, "conversations/partials/lead_table.html", context)
    return render(request, "conversations/lead_list.html", context)


class _Line:
    """What ``csv.writer`` writes to: hands each formatted line back instead of storing it."""

    def write(self, line: str) -> str:
        return line


@require_safe
@login_required
def lead_export(request: HtmxHttpRequest) -> StreamingHttpResponse:
    show = lead_filter_parse(request.GET.get("score"))
    writer = csv.writer(_Line())

    def conversation_url(conversation_id: int) -> str:
        return request.build_absolute_uri(reverse("conversations:detail", args=[conversation_id]))

    def lines() -> Iterator[str]:
        yield UTF8_BOM
        for row in lead_export_rows(
            user=request.user, show=show, conversation_url=conversation_url
        ):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="leads-{show}.csv"'
    return response
