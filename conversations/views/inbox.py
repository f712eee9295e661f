"""The human inbox, and handing a conversation to people and back.

Conversations land here when the agent is in humans-only mode, when a reply was replaced by
the fallback, when the customer asks for a person, or when a team member hands one over
from the conversation page. A person answers from the browser (sent by WhatsApp, inside the
24-hour window) and hands the conversation back to the AI when done.
"""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from agents.http import HtmxHttpRequest, login_required
from conversations.models import Conversation
from conversations.selectors import conversation_get_for_user
from conversations.selectors_review import (
    inbox_item_for_user,
    inbox_list_for_user,
    inbox_updates_for_user,
)
from conversations.services import handoff
from conversations.services.handoff import HandoffError

HANDED_BACK = gettext_lazy("This conversation is back with the AI: nothing was sent.")


@require_safe
@login_required
def inbox_list(request: HtmxHttpRequest) -> HttpResponse:
    return render(
        request,
        "conversations/inbox_list.html",
        {
            "items": inbox_list_for_user(user=request.user),
        },
    )


@require_safe
@login_required
def inbox_updates(request: HtmxHttpRequest) -> HttpResponse:
    """The inbox's poll. The cursor is ``shown``, repeated: ``<conversation id>:<id of the last
    message shown>``; the answer prepends new conversations and refreshes changed threads."""
    if not request.htmx:
        return HttpResponseBadRequest(gettext("This endpoint serves the inbox's live updates."))
    shown: dict[int, int] = {}
    for value in request.GET.getlist("shown"):
        conversation_id, _, message_id = value.partition(":")
        if not (conversation_id.isdigit() and message_id.isdigit()):
            return HttpResponseBadRequest(
                gettext("'shown' must be <conversation id>:<message id>.")
            )
        shown[int(conversation_id)] = int(message_id)
    updates = inbox_updates_for_user(user=request.user, shown=shown)
    return render(request, "conversations/partials/inbox_updates.html", {"updates": updates})


@require_POST
@login_required
def inbox_reply(request: HtmxHttpRequest, conversation_id: int) -> HttpResponse:
    conversation = conversation_get_for_user(user=request.user, conversation_id=conversation_id)
    text = request.POST.get("text", "")
    if conversation.handed_off_at is None:
        return _render_item(request, conversation, error=str(HANDED_BACK), draft=text)
    try:
        handoff.human_reply_send(conversation=conversation, author=request.user, text=text)
    except HandoffError as error:
        return _render_item(request, conversation, error=str(error), draft=text)
    return _render_item(request, conversation)


@require_POST
@login_required
def inbox_hand_back(request: HtmxHttpRequest, conversation_id: int) -> HttpResponse:
    conversation = conversation_get_for_user(user=request.user, conversation_id=conversation_id)
    handoff.conversation_hand_back(conversation=conversation)
    return _render_item(request, conversation)


@require_POST
@login_required
def conversation_hand_off(request: HtmxHttpRequest, conversation_id: int) -> HttpResponse:
    """From the conversation page: the AI stops answering and the inbox shows it."""
    conversation = conversation_get_for_user(user=request.user, conversation_id=conversation_id)
    handoff.conversation_hand_off(conversation=conversation, reason=handoff.BY_OPERATOR)
    return _render_handoff(request, conversation)


@require_POST
@login_required
def conversation_hand_back(request: HtmxHttpRequest, conversation_id: int) -> HttpResponse:
    conversation = conversation_get_for_user(user=request.user, conversation_id=conversation_id)
    handoff.conversation_hand_back(conversation=conversation)
    return _render_handoff(request, conversation)


def _render_item(
    request: HtmxHttpRequest, conversation: Conversation, *, error: str = "", draft: str = ""
) -> HttpResponse:
    """The conversation's inbox entry as it now stands; a "handed back" row once it is not
    handed off. A plain (non-HTMX) form post is sent back to the inbox."""
    if not request.htmx:
        return redirect("conversations:inbox")
    item = inbox_item_for_user(user=request.user, conversation_id=conversation.pk)
    context = {"item": item, "conversation": conversation, "error": error, "draft": draft}
    return render(request, "conversations/partials/inbox_item.html", context)


def _render_handoff(request: HtmxHttpRequest, conversation: Conversation) -> HttpResponse:
    if not request.htmx:
        return redirect("conversations:detail", conversation.pk)
    return render(
        request, "conversations/partials/inbox_handoff.html", {"conversation": conversation}
    )
