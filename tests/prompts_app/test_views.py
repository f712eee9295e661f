"""The operator's prompt pages: read, save, deploy, test, promote; nobody else sees them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from prompts_app.models import PromptExperiment, PromptVersion
from tests.prompts_app.conftest import CANDIDATE

pytestmark = pytest.mark.django_db


def pages(version: PromptVersion, experiment: PromptExperiment | None = None) -> list[str]:
    urls = [
        reverse("prompts:list"),
        reverse("prompts:new"),
        reverse("prompts:detail", args=[version.number]),
    ]
    if experiment:
        urls.append(reverse("prompts:experiment_results", args=[experiment.pk]))
    return urls


def test_the_prompts_page_shows_the_deployed_version_the_test_and_the_history(
    client, operator, experiment
):
    client.force_login(operator)

    page = client.get(reverse("prompts:list")).content.decode()

    assert "Deployed" in page and "v1" in page and "Warmer tone." in page
    assert "In A/B test" in page
    assert 'v1</strong> <span class="muted">(deployed, 70% of conversations)' in page
    assert "No replies yet." in page


def test_without_a_test_the_page_says_how_to_start_one(client, operator, prompt_version):
    client.force_login(operator)

    page = client.get(reverse("prompts:list")).content.decode()

    assert "No A/B test is running." in page
    assert "save a new version, open it, and start a test" in page


def test_members_of_a_business_get_404_and_visitors_are_sent_to_log_in(client, tenant, experiment):
    urls = pages(experiment.candidate, experiment)
    for url in urls:
        assert client.get(url).status_code == 302
    client.force_login(tenant.owner)
    for url in urls:
        assert client.get(url).status_code == 404, url
    posts = [
        reverse("prompts:new"),
        reverse("prompts:deploy", args=[experiment.candidate.number]),
        reverse("prompts:experiment_end", args=[experiment.pk]),
    ]
    for url in posts:
        assert client.post(url, {"decision": "promote", "body": CANDIDATE}).status_code == 404
    assert PromptVersion.objects.get(is_active=True).number == 1
    assert PromptExperiment.objects.get().is_running


def test_nav_shows_prompts_to_operators_only(client, operator, tenant, prompt_version):
    client.force_login(tenant.owner)
    assert reverse("prompts:list") not in client.get(reverse("agents:list")).content.decode()
    client.force_login(operator)
    assert reverse("prompts:list") in client.get(reverse("agents:list")).content.decode()


def test_a_new_version_starts_from_the_deployed_text(client, operator, prompt_version):
    client.force_login(operator)

    page = client.get(reverse("prompts:new")).content.decode()

    assert "Starting from v1." in page
    assert "You are the WhatsApp assistant of {business}." in page


def test_saving_a_version_from_the_browser(client, operator, prompt_version):
    client.force_login(operator)

    response = client.post(
        reverse("prompts:new"),
        {"body": CANDIDATE.replace("\n", "\r\n"), "changelog": "Warmer tone."},
        follow=True,
    )

    version = PromptVersion.objects.get(number=2)
    assert response.redirect_chain[-1][0] == reverse("prompts:detail", args=[2])
    assert version.body == CANDIDATE and not version.is_active
    page = response.content.decode()
    assert "Saved as v2. Nothing uses it yet" in page
    assert '<span class="diff-added">+ - Keep replies warm and short' in page


def test_a_broken_template_comes_back_with_the_reason_and_saves_nothing(
    client, operator, prompt_version
):
    client.force_login(operator)

    response = client.post(
        reverse("prompts:new"),
        {"body": CANDIDATE + "\nHi {customer}", "changelog": "Greet by name."},
    )

    assert response.status_code == 400
    assert "{customer} is not a field the prompt can use" in response.content.decode()
    assert "Greet by name." in response.content.decode()  # what they typed is kept
    assert PromptVersion.objects.count() == 1


def test_deploying_from_the_version_page(client, operator, candidate):
    client.force_login(operator)

    response = client.post(reverse("prompts:deploy", args=[2]), follow=True)

    assert "v2 is deployed: every new reply uses it." in response.content.decode()
    assert PromptVersion.objects.get(is_active=True) == candidate


def test_starting_a_test_from_the_version_page(client, operator, candidate):
    client.force_login(operator)

    response = client.post(
        reverse("prompts:experiment_start", args=[2]),
        {"percent": "25", "note": "Fewer apologies"},
        follow=True,
    )

    assert "A/B test started: 25% of conversations now get v2." in response.content.decode()
    experiment = PromptExperiment.objects.get()
    assert (experiment.candidate, experiment.candidate_percent) == (candidate, 25)
    assert experiment.note == "Fewer apologies" and experiment.started_by == operator


def test_a_refused_action_says_why_and_changes_nothing(client, operator, experiment):
    client.force_login(operator)

    response = client.post(reverse("prompts:deploy", args=[2]), follow=True)

    assert "An A/B test is running against the deployed version" in response.content.decode()
    assert PromptVersion.objects.get(is_active=True).number == 1


def test_promoting_from_the_results_card(client, operator, experiment):
    client.force_login(operator)
    card = client.get(reverse("prompts:experiment_results", args=[experiment.pk]))
    assert 'hx-trigger="every 10s"' in card.content.decode()
    assert "Promote v2" in card.content.decode()

    response = client.post(
        reverse("prompts:experiment_end", args=[experiment.pk]),
        {"decision": "promote"},
        follow=True,
    )

    assert "v2 promoted: every new reply uses it." in response.content.decode()
    assert PromptVersion.objects.get(is_active=True).number == 2
    assert "A/B test v1 vs v2 (30%): candidate promoted by operator" in response.content.decode()
