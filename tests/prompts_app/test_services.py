"""Prompt versions, deployments and A/B tests: what operators may change, and what they may not."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from prompts_app.defaults import DEFAULT_SYSTEM_PROMPT
from prompts_app.models import PromptDeployment, PromptExperiment, PromptVersion
from prompts_app.services import (
    prompt_experiment_end,
    prompt_experiment_start,
    prompt_render,
    prompt_version_create,
    prompt_version_deploy,
)
from tests.prompts_app.conftest import CANDIDATE

pytestmark = pytest.mark.django_db


def new_version(operator, body: str = CANDIDATE, changelog: str = "Warmer tone.") -> PromptVersion:
    return prompt_version_create(body=body, changelog=changelog, by=operator)


def test_a_new_version_takes_the_next_number_and_is_not_deployed(prompt_version, operator):
    version = new_version(operator)

    assert version.number == prompt_version.number + 1
    assert not version.is_active
    assert version.created_by == operator
    assert PromptVersion.objects.get(is_active=True) == prompt_version


def test_a_version_saved_from_a_browser_has_plain_line_endings(prompt_version, operator):
    version = new_version(operator, body=CANDIDATE.replace("\n", "\r\n"))

    assert "\r" not in version.body
    assert version.body == CANDIDATE


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "empty"),
        (CANDIDATE + "\nCall {customer_name} by name.", "{customer_name} is not a field"),
        (CANDIDATE + "\nUse a {placeholder", "braces do not pair up"),
        (CANDIDATE.replace("{knowledge_base}", "the facts"), "must include {knowledge_base}"),
        (CANDIDATE.replace("{escalation}", "sorry"), "must include {escalation}"),
        (CANDIDATE.replace("{business}", "{business!r}"), "without a format or conversion"),
        (DEFAULT_SYSTEM_PROMPT, "text of v1 already"),
    ],
)
def test_a_template_that_would_not_render_well_is_refused_and_nothing_is_saved(
    prompt_version, operator, body, error
):
    with pytest.raises(ValidationError) as raised:
        new_version(operator, body=body)

    assert error in " ".join(raised.value.messages)
    assert PromptVersion.objects.count() == 1


def test_a_version_needs_a_changelog(prompt_version, operator):
    with pytest.raises(ValidationError, match="changelog"):
        new_version(operator, changelog="   ")
    assert PromptVersion.objects.count() == 1


def test_a_literal_brace_survives_rendering(prompt_version, operator):
    version = new_version(operator, body=CANDIDATE + '\nAnswer as JSON like {{"text": "…"}}.')

    rendered = prompt_render(
        version=version,
        business_name="Salon Dana",
        knowledge_base="Haircut ₪90.",
        escalation="Let me check.",
        language="he",
    )

    assert '{"text": "…"}' in rendered
    assert "Reply in Hebrew." in rendered


def test_deploying_switches_the_one_deployed_version_and_logs_who_did_it(prompt_version, operator):
    version = new_version(operator)

    deployment = prompt_version_deploy(version=version, by=operator)

    assert list(PromptVersion.objects.filter(is_active=True)) == [version]
    assert deployment.previous == prompt_version
    assert deployment.deployed_by == operator
    assert deployment.reason == PromptDeployment.Reason.DEPLOYED


def test_deploying_the_deployed_version_is_refused(prompt_version, operator):
    with pytest.raises(ValidationError, match="v1 is deployed already"):
        prompt_version_deploy(version=prompt_version, by=operator)
    assert not PromptDeployment.objects.filter(deployed_by=operator).exists()


def test_an_ab_test_runs_the_deployed_version_against_a_candidate(prompt_version, operator):
    candidate = new_version(operator)

    experiment = prompt_experiment_start(candidate=candidate, percent=20, by=operator)

    assert (experiment.control, experiment.candidate) == (prompt_version, candidate)
    assert experiment.is_running and experiment.control_percent == 80


@pytest.mark.parametrize("percent", [0, 100, -5])
def test_an_ab_test_needs_a_share_between_1_and_99_percent(prompt_version, operator, percent):
    with pytest.raises(ValidationError, match="between 1% and 99%"):
        prompt_experiment_start(candidate=new_version(operator), percent=percent, by=operator)
    assert not PromptExperiment.objects.exists()


def test_the_deployed_version_cannot_be_tested_against_itself(prompt_version, operator):
    with pytest.raises(ValidationError, match="is the deployed version"):
        prompt_experiment_start(candidate=prompt_version, percent=50, by=operator)


def test_one_ab_test_runs_at_a_time_and_blocks_deploys(prompt_version, operator):
    candidate = new_version(operator)
    other = new_version(operator, body=CANDIDATE + "\nBe brief.", changelog="Brief.")
    prompt_experiment_start(candidate=candidate, percent=50, by=operator)

    with pytest.raises(ValidationError, match="running already"):
        prompt_experiment_start(candidate=other, percent=50, by=operator)
    with pytest.raises(ValidationError, match="An A/B test is running"):
        prompt_version_deploy(version=other, by=operator)
    assert PromptVersion.objects.get(is_active=True) == prompt_version


def test_promoting_the_candidate_deploys_it(prompt_version, operator):
    candidate = new_version(operator)
    experiment = prompt_experiment_start(candidate=candidate, percent=50, by=operator)

    ended = prompt_experiment_end(experiment=experiment, by=operator, promote=True)

    assert not ended.is_running and ended.outcome == PromptExperiment.Outcome.PROMOTED
    assert ended.ended_by == operator and ended.ended_at is not None
    assert PromptVersion.objects.get(is_active=True) == candidate
    deployment = PromptDeployment.objects.get(deployed_by=operator)
    assert (deployment.version, deployment.previous) == (candidate, prompt_version)
    assert deployment.reason == PromptDeployment.Reason.PROMOTED


def test_stopping_keeps_the_control_and_a_test_ends_once(prompt_version, operator):
    experiment = prompt_experiment_start(candidate=new_version(operator), percent=50, by=operator)

    prompt_experiment_end(experiment=experiment, by=operator, promote=False)

    assert PromptVersion.objects.get(is_active=True) == prompt_version
    assert not PromptDeployment.objects.filter(deployed_by=operator).exists()
    with pytest.raises(ValidationError, match="ended already"):
        prompt_experiment_end(experiment=experiment, by=operator, promote=True)
    assert PromptVersion.objects.get(is_active=True) == prompt_version
