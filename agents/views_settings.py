"""The owner's pages: the knowledge base, the agent's settings, and the chat sandbox.

Who may do what, as on the other agent pages: every member of the business sees them;
owners and operators change them (and try the agent, which spends the business's LLM
budget); anyone else gets a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from agents.access import Access, agent_get_for_user, business_get_for_user, user_can_edit
from agents.forms_settings import (
    POLICY_CHOICES,
    AgentSettingsForm,
    KnowledgeBaseForm,
    SandboxMessageForm,
)
from agents.http import HtmxHttpRequest, login_required
from agents.ladder import ladder_annotate
from agents.models import Agent, Business, KnowledgeBase
from agents.selectors import agent_live_state
from agents.services_settings import (
    KNOWLEDGE_BASE_MAX_CHARS,
    agent_live_set,
    agent_settings_update,
    knowledge_base_facts,
    knowledge_base_update,
)
from conversations.models import Conversation
from conversations.selectors import (
    conversation_is_awaiting_reply,
    message_list_after,
    message_list_for_thread,
    message_list_recent_outbound,
)
from conversations.services.sandbox import (
    sandbox_conversation_find,
    sandbox_conversation_for,
    sandbox_message_post,
    sandbox_reset,
)

# --- knowledge base ---------------------------------------------------------------------------

# The kinds the grounding validator holds replies to, in the order an owner reads a price list.
FACT_KINDS = (
    ("price", gettext_lazy("Prices")),
    ("time", gettext_lazy("Opening hours")),
    ("days", gettext_lazy("Open and closed days")),
    ("duration", gettext_lazy("Durations")),
    ("percent", gettext_lazy("Percentages")),
    ("phone", gettext_lazy("Phone numbers")),
)


def _fact_groups(content: str) -> list[dict[str, object]]:
    by_kind = knowledge_base_facts(content=content).facts_by_kind()
    return [{"kind": k, "label": label, "facts": by_kind.get(k, [])} for k, label in FACT_KINDS]


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def knowledge_base(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    business = business_get_for_user(
        user=request.user,
        business_id=business_id,
        access=Access.EDIT if request.method == "POST" else Access.VIEW,
    )
    stored = KnowledgeBase.objects.filter(business=business).first()
    if request.method != "POST":
        form = KnowledgeBaseForm(initial={"content": stored.content if stored else ""})
        return _knowledge_base_page(request, business, stored, form=form)
    form = KnowledgeBaseForm(request.POST)
    if form.is_valid():
        try:
            _, dropped = knowledge_base_update(
                business=business, content=form.cleaned_data["content"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            note = gettext("Saved. The agent answers from this text from its next reply.")
            if dropped:
                note += " " + ngettext(
                    "%(count)d cached answer quoted facts this text no longer states and will "
                    "not be reused.",
                    "%(count)d cached answers quoted facts this text no longer states and will "
                    "not be reused.",
                    dropped,
                ) % {"count": dropped}
            messages.success(request, note)
            return redirect("agents:knowledge_base", business_id=business.pk)
    return _knowledge_base_page(request, business, stored, form=form, status=400)


@require_POST
@login_required
def knowledge_base_preview(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    """What the grounding check would read from the text in the editor, without saving it."""
    business = business_get_for_user(user=request.user, business_id=business_id)
    form = KnowledgeBaseForm(request.POST)
    context: dict[str, object] = {"business": business, "unsaved": True}
    if form.is_valid():
        context["fact_groups"] = _fact_groups(form.cleaned_data["content"])
    else:
        context["preview_errors"] = form.errors.get("content", [])
    # 200 either way: htmx swaps only 2xx answers, and the error belongs in the preview.
    return render(request, "agents/partials/kb_preview.html", context)


def _knowledge_base_page(
    request: HtmxHttpRequest,
    business: Business,
    stored: KnowledgeBase | None,
    *,
    form: KnowledgeBaseForm,
    status: int = 200,
) -> HttpResponse:
    can_edit = user_can_edit(user=request.user, business=business)
    if not can_edit:
        # Read-only rather than disabled: a disabled textarea cannot be selected or copied.
        form.fields["content"].widget.attrs["readonly"] = True
    return render(
        request,
        "agents/knowledge_base.html",
        {
            "business": business,
            "knowledge_base": stored,
            "form": form,
            "can_edit": can_edit,
            "max_chars": KNOWLEDGE_BASE_MAX_CHARS,
            # The preview shows what is stored: what replies are checked against right now.
            "fact_groups": _fact_groups(stored.content if stored else ""),
            "agents": business.agents.all(),
        },
        status=status,
    )


# --- agent settings ---------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def agent_settings(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(
        user=request.user,
        agent_id=agent_id,
        access=Access.EDIT if request.method == "POST" else Access.VIEW,
    )
    can_edit = user_can_edit(user=request.user, business=agent.business)
    if request.method != "POST":
        form = AgentSettingsForm.for_agent(agent, read_only=not can_edit)
        return _settings_page(request, agent, form=form, can_edit=can_edit)
    form = AgentSettingsForm(request.POST)
    if form.is_valid():
        try:
            agent_settings_update(agent=agent, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, gettext("Settings saved. They apply from the agent's next reply.")
            )
            return redirect("agents:settings", agent_id=agent.pk)
    return _settings_page(request, agent, form=form, can_edit=can_edit, status=400)


def _settings_page(
    request: HtmxHttpRequest,
    agent: Agent,
    *,
    form: AgentSettingsForm,
    can_edit: bool,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "agents/agent_settings.html",
        {
            "agent": agent,
            "form": form,
            "can_edit": can_edit,
            "policies": POLICY_CHOICES,
            "live": agent_live_state(agent=agent),
        },
        status=status,
    )


# --- going live -------------------------------------------------------------------------------


@require_POST
@login_required
def agent_live(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    """Switch the agent on (``live=1``) or off (``live=0``); owners and operators only.

    Back to the page it was switched from (the agent page or its settings), with a note
    saying what changed, or why it could not."""
    agent = agent_get_for_user(user=request.user, agent_id=agent_id, access=Access.EDIT)
    wanted = request.POST.get("live", "")
    if wanted not in ("0", "1"):
        return HttpResponseBadRequest(gettext("'live' must be 1 (switch on) or 0 (switch off)."))
    try:
        agent = agent_live_set(agent=agent, live=wanted == "1", by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            gettext("The agent is live: it answers your customers with the AI.")
            if agent.is_live
            else gettext("The agent is switched off: your team answers every conversation."),
        )
    back = "agents:settings" if request.POST.get("back") == "settings" else "agents:detail"
    return redirect(back, agent_id=agent.pk)


# --- chat sandbox -----------------------------------------------------------------------------


@require_safe
@login_required
def sandbox(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id)
    # Looked up, not created: a visit changes nothing; the first message creates it.
    conversation = sandbox_conversation_find(agent=agent, user=request.user)
    thread = message_list_for_thread(conversation=conversation) if conversation else []
    return render(
        request,
        "agents/sandbox.html",
        _sandbox_context(agent, conversation)
        | {
            "messages_shown": thread,
            "cursor": thread[-1].pk if thread else 0,
            "form": SandboxMessageForm(),
            "can_edit": user_can_edit(user=request.user, business=agent.business),
        },
    )


@require_POST
@login_required
def sandbox_send(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id, access=Access.EDIT)
    form = SandboxMessageForm(request.POST)
    if not form.is_valid():
        if not request.htmx:
            return HttpResponseBadRequest(gettext("Write a message of up to 4,096 characters."))
        return render(request, "agents/partials/sandbox_form.html", {"agent": agent, "form": form})
    conversation = sandbox_conversation_for(agent=agent, user=request.user)
    sandbox_message_post(conversation=conversation, text=form.cleaned_data["text"])
    if not request.htmx:
        return redirect("agents:sandbox", agent_id=agent.pk)
    response = render(
        request,
        "agents/partials/sandbox_form.html",
        {"agent": agent, "form": SandboxMessageForm(), "focus": True},
    )
    # The poller listens for this and looks at once, rather than at its next tick.
    response["HX-Trigger"] = "sandbox-posted"
    return response


@require_safe
@login_required
def sandbox_messages(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    """The sandbox's poll: rows after the ``after`` cursor, fresh reply statuses, the mode."""
    agent = agent_get_for_user(user=request.user, agent_id=agent_id)
    if not request.htmx:
        return HttpResponseBadRequest(
            gettext("This endpoint serves the sandbox page's live updates.")
        )
    after = request.GET.get("after", "")
    if not after.isdigit():
        return HttpResponseBadRequest(gettext("'after' must be the id of the last message shown."))
    after_id = int(after)
    conversation = sandbox_conversation_find(agent=agent, user=request.user)
    new = message_list_after(conversation=conversation, after_id=after_id) if conversation else []
    refreshed = (
        message_list_recent_outbound(conversation=conversation, up_to_id=after_id)
        if conversation
        else []
    )
    return render(
        request,
        "agents/partials/sandbox_update.html",
        _sandbox_context(agent, conversation)
        | {
            "new_messages": new,
            "refreshed_messages": refreshed,
            "cursor": new[-1].pk if new else after_id,
        },
    )


@require_POST
@login_required
def sandbox_reset_view(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id, access=Access.EDIT)
    conversation = sandbox_conversation_find(agent=agent, user=request.user)
    if conversation is not None:
        sandbox_reset(conversation=conversation)
    return redirect("agents:sandbox", agent_id=agent.pk)


def _sandbox_context(agent: Agent, conversation: Conversation | None) -> dict[str, object]:
    ladder_annotate(agents=[agent])
    handed_off = bool(conversation and conversation.handed_off_at)
    return {
        "agent": agent,
        "conversation": conversation,
        "handed_off": handed_off,
        # Once a person has the conversation the agent stays quiet: nothing is being written.
        "awaiting_reply": bool(
            conversation
            and not (handed_off and conversation.handoff_notified_at)
            and conversation_is_awaiting_reply(conversation=conversation)
        ),
    }
