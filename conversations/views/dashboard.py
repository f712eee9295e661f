"""The conversation pages: the list, one thread, and the thread's polling endpoint.

Each template fragment has two uses: the page includes it, and the HTMX request that
refreshes that part of the page gets the same fragment rendered on its own.
"""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from agents.http import HtmxHttpRequest, login_required
from agents.ladder import ladder_annotate
from conversations.selectors import (
    conversation_get_for_user,
    conversation_is_awaiting_reply,
    conversation_list_for_user,
    message_list_after,
    message_list_for_thread,
    message_list_recent_outbound,
)


@require_safe
@login_required
@vary_on_headers("HX-Request")
def conversation_list(request: HtmxHttpRequest) -> HttpResponse:
    context = {"conversations": conversation_list_for_user(user=request.user)}
    if request.htmx:
        return render(request, "conversations/partials/conversation_list.html", context)
    return render(request, "conversations/conversation_list.html", context)


@require_safe
@login_required
def conversation_detail(request: HtmxHttpRequest, conversation_id: int) -> HttpResponse:
    conversation = conversation_get_for_user(user=request.user, conversation_id=conversation_id)
    ladder_annotate(agents=[conversation.agent])
    messages = message_list_for_thread(conversation=conversation)
    return render(
        request,
        "conversations/conversation_detail.html",
        {
            "conversation": conversation,
            "messages": messages,
            "cursor": messages[-1].pk if messages else 0,
            "awaiting_reply": conversation_is_awaiting_reply(conversation=conversation),
        },
    )


@require_safe
@login_required
def conversation_messages(request: HtmxHttpRequest, conversation_id: int) -> HttpResponse:
    """The thread's poll: rows after the ``after`` cursor, plus fresh status of recent replies.

    Only for HTMX: the response is a set of fragments (new rows to append, and out-of-band
    swaps for the poller with its advanced cursor, the typing indicator and recent outbound
    rows), not a page, so any other request gets a 400.
    """
    conversation = conversation_get_for_user(user=request.user, conversation_id=conversation_id)
    if not request.htmx:
        return HttpResponseBadRequest(
            _("This endpoint serves the conversation page's live updates.")
        )
    after = request.GET.get("after", "")
    if not after.isdigit():
        return HttpResponseBadRequest(_("'after' must be the id of the last message shown."))
    after_id = int(after)
    new_messages = message_list_after(conversation=conversation, after_id=after_id)
    return render(
        request,
        "conversations/partials/thread_update.html",
        {
            "conversation": conversation,
            "new_messages": new_messages,
            "refreshed_messages": message_list_recent_outbound(
                conversation=conversation, up_to_id=after_id
            ),
            "cursor": new_messages[-1].pk if new_messages else after_id,
            "awaiting_reply": conversation_is_awaiting_reply(conversation=conversation),
        },
    )
