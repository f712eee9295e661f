"""The review queue: replies held because the knowledge base does not support their claims.

A reviewer approves a reply as it stands, edits and sends it, or rejects it (the customer
gets the agent's fallback). Each decision is one HTMX POST that replaces the card with a
"decided by X at T" row; the service makes sure only the first decision sends anything.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from agents.http import HtmxHttpRequest, login_required
from conversations.models import Message, Review
from conversations.selectors_review import (
    inbox_count_for_user,
    review_card,
    review_count_pending_for_user,
    review_get_for_user,
    review_list_pending_for_user,
    review_updates_for_user,
)
from conversations.services import review as services
from conversations.services.review import ReviewError


@require_safe
@login_required
def review_list(request: HtmxHttpRequest) -> HttpResponse:
    cards = review_list_pending_for_user(user=request.user)
    return render(
        request,
        "conversations/review_list.html",
        {
            "cards": cards,
            "more": review_count_pending_for_user(user=request.user) - len(cards),
        },
    )


@require_safe
@login_required
def review_updates(request: HtmxHttpRequest) -> HttpResponse:
    """The queue's poll. The cursor is the pending cards the page shows (``shown``, repeated);
    the answer appends new cards and swaps decided ones out of band."""
    if not request.htmx:
        return HttpResponseBadRequest(_("This endpoint serves the review queue's live updates."))
    shown = request.GET.getlist("shown")
    if not all(value.isdigit() for value in shown):
        return HttpResponseBadRequest(_("'shown' must be the ids of the cards on the page."))
    updates = review_updates_for_user(user=request.user, shown=[int(value) for value in shown])
    return render(request, "conversations/partials/review_updates.html", {"updates": updates})


@require_safe
@login_required
@vary_on_headers("HX-Request")
def review_detail(request: HtmxHttpRequest, review_id: int) -> HttpResponse:
    """One card; ``?edit`` opens its editor. HTMX gets the card, a plain request a page."""
    review = review_get_for_user(user=request.user, review_id=review_id)
    return _render_card(request, review, editing="edit" in request.GET)


@require_POST
@login_required
def review_approve(request: HtmxHttpRequest, review_id: int) -> HttpResponse:
    review = review_get_for_user(user=request.user, review_id=review_id)
    return _decide(request, review, lambda: services.review_approve(review=review, by=request.user))


@require_POST
@login_required
def review_edit(request: HtmxHttpRequest, review_id: int) -> HttpResponse:
    review = review_get_for_user(user=request.user, review_id=review_id)
    text = request.POST.get("text", "")
    return _decide(
        request,
        review,
        lambda: services.review_edit(review=review, by=request.user, text=text),
        draft=text,
    )


@require_POST
@login_required
def review_reject(request: HtmxHttpRequest, review_id: int) -> HttpResponse:
    review = review_get_for_user(user=request.user, review_id=review_id)
    return _decide(request, review, lambda: services.review_reject(review=review, by=request.user))


@require_safe
@login_required
def nav_counts(request: HtmxHttpRequest) -> HttpResponse:
    """The badges beside "Review queue" and "Inbox" in the top bar, polled by every page."""
    return render(
        request,
        "conversations/partials/review_nav_counts.html",
        {
            "review_count": review_count_pending_for_user(user=request.user),
            "inbox_count": inbox_count_for_user(user=request.user),
        },
    )


def _decide(
    request: HtmxHttpRequest,
    review: Review,
    decide: Callable[[], Message],
    *,
    draft: str | None = None,
) -> HttpResponse:
    """Run one decision and answer with the card as it now stands.

    On a ``ReviewError`` the card says why: an edit that cannot be sent reopens the editor
    with the text as typed; a review someone else decided shows their decision."""
    try:
        decide()
    except ReviewError as error:
        review = review_get_for_user(user=request.user, review_id=review.pk)
        editing = draft is not None and review.decision == Review.Decision.PENDING
        return _render_card(request, review, error=str(error), editing=editing, draft=draft)
    review = review_get_for_user(user=request.user, review_id=review.pk)
    return _render_card(request, review)


def _render_card(
    request: HtmxHttpRequest,
    review: Review,
    *,
    error: str = "",
    editing: bool = False,
    draft: str | None = None,
) -> HttpResponse:
    context = {
        "card": review_card(review=review),
        "error": error,
        "editing": editing,
        "draft": review.message.text if draft is None else draft,
    }
    if request.htmx:
        return render(request, "conversations/partials/review_card.html", context)
    return render(request, "conversations/review_detail.html", context)
