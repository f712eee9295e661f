"""The operator's prompt pages: versions, deployments, and A/B tests.

Prompts are shared by every business, so only operators (staff) see these pages; anyone
else gets a 404, as for any page that is not theirs (``operator_required``).
"""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from agents.http import HtmxHttpRequest, operator_required
from monitoring.prompts import experiment_rate_rows, metrics_for_prompt_versions
from prompts_app.forms import ExperimentEndForm, ExperimentStartForm, PromptVersionForm
from prompts_app.models import PromptExperiment, PromptVersion
from prompts_app.selectors import (
    prompt_deployment_list,
    prompt_diff,
    prompt_experiment_get,
    prompt_experiment_list,
    prompt_experiment_running,
    prompt_version_active,
    prompt_version_get,
    prompt_version_list,
    prompt_version_previous,
)
from prompts_app.services import (
    TEMPLATE_FIELDS,
    prompt_experiment_end,
    prompt_experiment_start,
    prompt_version_create,
    prompt_version_deploy,
)

# What each field of the prompt template means (prompts_app.services.TEMPLATE_FIELDS), marked
# here for the catalogue: the new-version page shows them in the reader's language.
FIELD_MEANINGS = (
    gettext_noop("the business's name"),
    gettext_noop("the business's knowledge base"),
    gettext_noop("the agent's escalation text, said when the knowledge base has no answer"),
    gettext_noop("the language to reply in, such as Hebrew"),
)


def _version(number: int) -> PromptVersion:
    try:
        return prompt_version_get(number=number)
    except PromptVersion.DoesNotExist:
        raise Http404(f"There is no prompt v{number}.") from None


def _experiment(experiment_id: int) -> PromptExperiment:
    try:
        return prompt_experiment_get(experiment_id=experiment_id)
    except PromptExperiment.DoesNotExist:
        raise Http404("No such A/B test.") from None


def _experiment_context(experiment: PromptExperiment | None) -> dict[str, object]:
    if experiment is None:
        return {"experiment": None}
    metrics = metrics_for_prompt_versions(
        versions=[experiment.control, experiment.candidate],
        since=experiment.started_at,
        until=experiment.ended_at,
    )
    control, candidate = metrics[experiment.control_id], metrics[experiment.candidate_id]
    return {
        "experiment": experiment,
        "control": control,
        "candidate": candidate,
        # The rates' labels are the names of MetricAlertRule.Metric, which the catalogue has.
        "rates": [
            replace(row, label=gettext(row.label))
            for row in experiment_rate_rows(control=control, candidate=candidate)
        ],
        "measured_at": timezone.now(),
    }


@require_safe
@operator_required
def prompt_list(request: HtmxHttpRequest) -> HttpResponse:
    versions = list(prompt_version_list())
    usage = metrics_for_prompt_versions(versions=versions)
    context = {
        "versions": [(v, usage[v.pk]) for v in versions],
        "deployed": next((v for v in versions if v.is_active), None),
        "deployments": prompt_deployment_list(),
        "past_experiments": [e for e in prompt_experiment_list() if not e.is_running],
        **_experiment_context(prompt_experiment_running()),
    }
    return render(request, "prompts_app/prompt_list.html", context)


@require_safe
@operator_required
def experiment_results(request: HtmxHttpRequest, experiment_id: int) -> HttpResponse:
    """The results card alone: the prompts page polls it while the test runs."""
    context = _experiment_context(_experiment(experiment_id))
    return render(request, "prompts_app/partials/experiment_results.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@operator_required
def prompt_new(request: HtmxHttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = PromptVersionForm(request.POST)
        if form.is_valid():
            try:
                version = prompt_version_create(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    gettext(
                        "Saved as v%(number)s. Nothing uses it yet: deploy it, or test it "
                        "against the deployed version first."
                    )
                    % {"number": version.number},
                )
                return redirect("prompts:detail", number=version.number)
        status = 400
        base = None
    else:
        base = _starting_point(request)
        form = PromptVersionForm(initial={"body": base.body if base else ""})
    fields = {name: gettext(meaning) for name, meaning in TEMPLATE_FIELDS.items()}
    context = {"form": form, "base": base, "fields": fields}
    return render(request, "prompts_app/prompt_new.html", context, status=status)


def _starting_point(request: HtmxHttpRequest) -> PromptVersion | None:
    number = request.GET.get("from", "")
    if number.isdigit():
        return _version(int(number))
    try:
        return prompt_version_active()
    except PromptVersion.DoesNotExist:
        return None


@require_safe
@operator_required
def prompt_detail(request: HtmxHttpRequest, number: int) -> HttpResponse:
    version = _version(number)
    previous = prompt_version_previous(version=version)
    running = prompt_experiment_running()
    context = {
        "version": version,
        "previous": previous,
        "diff": prompt_diff(old=previous.body, new=version.body) if previous else [],
        "metrics": metrics_for_prompt_versions(versions=[version])[version.pk],
        "running": running,
        "experiment_form": ExperimentStartForm(),
    }
    return render(request, "prompts_app/prompt_detail.html", context)


@require_POST
@operator_required
def prompt_deploy(request: HtmxHttpRequest, number: int) -> HttpResponse:
    version = _version(number)
    try:
        prompt_version_deploy(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("prompts:detail", number=number)
    messages.success(
        request,
        gettext("v%(number)s is deployed: every new reply uses it.") % {"number": version.number},
    )
    return redirect("prompts:list")


@require_POST
@operator_required
def experiment_start(request: HtmxHttpRequest, number: int) -> HttpResponse:
    version = _version(number)
    form = ExperimentStartForm(request.POST)
    if form.is_valid():
        try:
            prompt_experiment_start(
                candidate=version,
                percent=form.cleaned_data["percent"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                gettext("A/B test started: %(percent)s%% of conversations now get v%(number)s.")
                % {"percent": form.cleaned_data["percent"], "number": version.number},
            )
            return redirect("prompts:list")
    else:
        messages.error(
            request,
            gettext("Send between %(least)s%% and %(most)s%% of conversations to the candidate.")
            % {"least": 1, "most": 99},
        )
    return redirect("prompts:detail", number=number)


@require_POST
@operator_required
def experiment_end(request: HtmxHttpRequest, experiment_id: int) -> HttpResponse:
    experiment = _experiment(experiment_id)
    form = ExperimentEndForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Choose to promote the candidate or to stop the test."))
        return redirect("prompts:list")
    promote = form.cleaned_data["decision"] == "promote"
    try:
        prompt_experiment_end(experiment=experiment, by=request.user, promote=promote)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if promote:
            note = gettext("v%(number)s promoted: every new reply uses it.") % {
                "number": experiment.candidate.number
            }
        else:
            note = gettext("A/B test stopped: every new reply uses v%(number)s again.") % {
                "number": experiment.control.number
            }
        messages.success(request, note)
    return redirect("prompts:list")
