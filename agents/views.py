"""The agent pages: modes and pins, the ladder's history, cached answers, the rules editor.

Who may do what: every member of a business sees its agents and rules; owners (and
operators) edit rules and delete cached answers; only operators (staff) pin a mode. Anyone
else gets a 404, never a hint that the agent exists (the rule is :mod:`agents.access`'s).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from agents.access import (
    Access,
    agent_get_for_user,
    agent_list_for_user,
    business_get_for_user,
    user_can_edit,
    user_is_operator,
)
from agents.answer_cache import cached_answer_list
from agents.forms import PinForm, RuleForm, TryRulesForm
from agents.http import HtmxHttpRequest, login_required
from agents.ladder import ladder_annotate, mode_transition_list_for_user
from agents.language import detect_language
from agents.models import Agent, Business, CachedAnswer, Mode, Rule
from agents.rules import rule_match
from agents.selectors import agent_live_state
from agents.services import (
    agent_pin,
    agent_unpin,
    business_install_defaults,
    cached_answer_delete,
    rule_create,
    rule_delete,
    rule_update,
)
from monitoring.services import alert_list_for_user

# --- agents -----------------------------------------------------------------------------------


@require_safe
@login_required
@vary_on_headers("HX-Request")
def agent_list(request: HtmxHttpRequest) -> HttpResponse:
    context = {
        "agents": ladder_annotate(agents=list(agent_list_for_user(user=request.user))),
        "transitions": mode_transition_list_for_user(user=request.user, limit=20),
        "alerts": alert_list_for_user(user=request.user, limit=20),
    }
    if request.htmx:
        return render(request, "agents/partials/agent_overview.html", context)
    return render(request, "agents/agent_list.html", context)


@require_safe
@login_required
def agent_detail(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id)
    return render(
        request,
        "agents/agent_detail.html",
        _mode_context(request, agent)
        | {
            "transitions": mode_transition_list_for_user(user=request.user, agent=agent, limit=50),
            "cached_answers": cached_answer_list(agent=agent),
            "alerts": alert_list_for_user(user=request.user, agent=agent, limit=10),
            "can_edit": user_can_edit(user=request.user, business=agent.business),
            "live": agent_live_state(agent=agent),
        },
    )


@require_safe
@login_required
def agent_mode_panel(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    """The agent page's mode panel on its own: what the page polls."""
    agent = agent_get_for_user(user=request.user, agent_id=agent_id)
    return render(request, "agents/partials/agent_mode.html", _mode_context(request, agent))


@require_POST
@login_required
def agent_pin_view(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id, access=Access.OPERATE)
    form = PinForm(request.POST)
    if form.is_valid():
        agent = agent_pin(
            agent=agent,
            mode=form.cleaned_data["mode"],
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
        return _mode_response(request, agent)
    if not request.htmx:
        return HttpResponseBadRequest(_("Choose one of the modes to pin."))
    # htmx swaps only 2xx answers: the panel comes back with the form's errors in it.
    return _mode_response(request, agent, pin_form=form)


@require_POST
@login_required
def agent_unpin_view(request: HtmxHttpRequest, agent_id: int) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id, access=Access.OPERATE)
    agent = agent_unpin(agent=agent, by=request.user)
    return _mode_response(request, agent)


def _mode_context(
    request: HtmxHttpRequest, agent: Agent, *, pin_form: PinForm | None = None
) -> dict[str, object]:
    ladder_annotate(agents=[agent])
    return {
        "agent": agent,
        "is_operator": user_is_operator(user=request.user),
        "pin_form": pin_form or PinForm(initial={"mode": agent.current_mode}),
        "modes": Mode.choices,
    }


def _mode_response(
    request: HtmxHttpRequest, agent: Agent, *, pin_form: PinForm | None = None
) -> HttpResponse:
    if request.htmx:
        return render(
            request,
            "agents/partials/agent_mode.html",
            _mode_context(request, agent, pin_form=pin_form),
        )
    return redirect("agents:detail", agent_id=agent.pk)


@require_POST
@login_required
def cached_answer_delete_view(
    request: HtmxHttpRequest, agent_id: int, entry_id: int
) -> HttpResponse:
    agent = agent_get_for_user(user=request.user, agent_id=agent_id, access=Access.EDIT)
    entry = get_object_or_404(CachedAnswer, pk=entry_id, agent=agent)
    cached_answer_delete(entry=entry)
    if request.htmx:
        return HttpResponse("")  # the row swaps itself out
    return redirect("agents:detail", agent_id=agent.pk)


# --- rules ------------------------------------------------------------------------------------


@require_safe
@login_required
def rule_list(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id)
    return _rules_page(request, business, form=RuleForm())


@require_POST
@login_required
def rule_create_view(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    form = RuleForm(request.POST)
    if form.is_valid():
        try:
            rule_create(business=business, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("agents:rules", business_id=business.pk)
    return _rules_page(request, business, form=form, status=400)


@login_required
def rule_edit(request: HtmxHttpRequest, business_id: int, rule_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    rule = get_object_or_404(Rule, pk=rule_id, business=business)
    if request.method == "POST":
        form = RuleForm(request.POST)
        if form.is_valid():
            try:
                rule_update(rule=rule, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("agents:rules", business_id=business.pk)
        status = 400
    elif request.method in ("GET", "HEAD"):
        form, status = RuleForm.for_rule(rule), 200
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    return render(
        request,
        "agents/rule_edit.html",
        {
            "business": business,
            "rule": rule,
            "form": form,
        },
        status=status,
    )


@require_POST
@login_required
def rule_delete_view(request: HtmxHttpRequest, business_id: int, rule_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    rule = get_object_or_404(Rule, pk=rule_id, business=business)
    rule_delete(rule=rule)
    if request.htmx:
        return HttpResponse("")
    return redirect("agents:rules", business_id=business.pk)


@require_POST
@login_required
def rule_install_defaults(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    business = business_get_for_user(user=request.user, business_id=business_id, access=Access.EDIT)
    business_install_defaults(business=business)
    return redirect("agents:rules", business_id=business.pk)


@require_safe
@login_required
def rule_try(request: HtmxHttpRequest, business_id: int) -> HttpResponse:
    """The live preview: which rule would answer this message, and with what."""
    business = business_get_for_user(user=request.user, business_id=business_id)
    form = TryRulesForm(request.GET)
    valid = form.is_valid()
    text = form.cleaned_data["text"] if valid else ""
    language = (form.cleaned_data["language"] if valid else "") or "auto"
    if language == "auto":
        language = detect_language(text)
    rule = rule_match(business=business, text=text, language=language) if text else None
    return render(
        request,
        "agents/partials/rule_try_result.html",
        {"text": text, "language": language, "rule": rule},
    )


def _rules_page(
    request: HtmxHttpRequest, business: Business, *, form: RuleForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "agents/rule_list.html",
        {
            "business": business,
            "rules": Rule.objects.filter(business=business).order_by("priority", "id"),
            "form": form,
            "try_form": TryRulesForm(initial={"language": "auto"}),
            "can_edit": user_can_edit(user=request.user, business=business),
            "agents": business.agents.all(),
        },
        status=status,
    )
