"""The owner's pages: the knowledge base editor and the agent's settings."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agents.answer_cache import answer_cache_store
from agents.models import Agent, CachedAnswer, KnowledgeBase
from agents.selectors import agent_text
from agents.services_settings import KNOWLEDGE_BASE_MAX_CHARS, agent_settings_update
from tests.factories import valid_settings

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

HTMX = {"HTTP_HX_REQUEST": "true"}
NEW_KB = "Salon Dana\r\nMen's haircut: ₪95.\r\nOpen Sunday to Thursday 10:00-18:00.\r\n"


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    # The settings page shows the agent's mode, which the ladder keeps in Redis.
    return redis_client


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def kb_url(tenant) -> str:
    return reverse("agents:knowledge_base", args=[tenant.business.pk])


def settings_url(tenant) -> str:
    return reverse("agents:settings", args=[tenant.agent.pk])


def escalation(agent: Agent, language: str) -> str:
    return agent_text(agent=agent, kind="escalation", language=language)


def stored_kb(tenant) -> str:
    return KnowledgeBase.objects.get(business=tenant.business).content


# --- knowledge base ---------------------------------------------------------------------------


def test_the_knowledge_base_page_shows_the_text_its_age_the_guide_and_what_may_be_quoted(
    client, tenant
):
    response = logged_in(client, tenant.owner).get(kb_url(tenant))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Women&#x27;s haircut: ₪180." in body
    assert 'dir="auto"' in body
    assert "Last updated" in body
    assert "One fact per line" in body
    assert "Prices" in body and "from ₪350" in body
    assert "03-555-1234" in body
    assert reverse("agents:knowledge_base_preview", args=[tenant.business.pk]) in body


def test_an_owner_saves_the_knowledge_base(client, tenant):
    response = logged_in(client, tenant.owner).post(kb_url(tenant), {"content": NEW_KB})

    assert response.status_code == 302
    assert stored_kb(tenant) == NEW_KB.replace("\r\n", "\n")  # what browsers post, made plain
    page = client.get(response.url).content.decode()
    assert "Saved." in page
    assert "₪95" in page


def test_an_operator_saves_any_businesss_knowledge_base(client, tenant, operator):
    response = logged_in(client, operator).post(kb_url(tenant), {"content": NEW_KB})
    assert response.status_code == 302
    assert "₪95" in stored_kb(tenant)


def test_saving_drops_the_cached_answers_the_new_text_no_longer_supports(client, tenant):
    store = {"agent": tenant.agent, "language": "en"}
    answer_cache_store(question="Men's haircut price?", answer="It is ₪90.", **store)
    answer_cache_store(question="When are you open?", answer="Sunday to Thursday.", **store)

    response = logged_in(client, tenant.owner).post(kb_url(tenant), {"content": NEW_KB})

    assert list(CachedAnswer.objects.values_list("answer", flat=True)) == ["Sunday to Thursday."]
    assert "1 cached answer quoted facts" in client.get(response.url).content.decode()


def test_a_reviewer_reads_the_knowledge_base_but_cannot_change_it(client, tenant):
    client = logged_in(client, tenant.reviewer)
    page = client.get(kb_url(tenant))
    assert page.status_code == 200
    assert "readonly" in page.content.decode()
    assert "Only the business's owners can change" in page.content.decode()

    before = stored_kb(tenant)
    response = client.post(kb_url(tenant), {"content": NEW_KB})

    assert response.status_code == 403
    assert stored_kb(tenant) == before


def test_an_outsider_gets_404_for_the_knowledge_base_and_its_preview(client, tenant, outsider):
    client = logged_in(client, outsider)
    before = stored_kb(tenant)
    assert client.get(kb_url(tenant)).status_code == 404
    assert client.post(kb_url(tenant), {"content": NEW_KB}).status_code == 404
    preview = reverse("agents:knowledge_base_preview", args=[tenant.business.pk])
    assert client.post(preview, {"content": NEW_KB}, **HTMX).status_code == 404
    assert stored_kb(tenant) == before


def test_an_oversized_knowledge_base_is_rejected_and_the_stored_one_kept(client, tenant):
    before = stored_kb(tenant)
    too_long = "x" * (KNOWLEDGE_BASE_MAX_CHARS + 1)

    response = logged_in(client, tenant.owner).post(kb_url(tenant), {"content": too_long})

    assert response.status_code == 400
    assert "at most 50,000 characters; this text has 50,001" in response.content.decode()
    assert stored_kb(tenant) == before


def test_a_knowledge_base_of_exactly_the_limit_is_saved(client, tenant):
    text = "y" * KNOWLEDGE_BASE_MAX_CHARS
    response = logged_in(client, tenant.owner).post(kb_url(tenant), {"content": text})
    assert response.status_code == 302
    assert stored_kb(tenant) == text


def test_the_check_button_previews_normalised_prices_without_saving(client, tenant):
    before = stored_kb(tenant)
    preview = reverse("agents:knowledge_base_preview", args=[tenant.business.pk])
    text = "Cut: 90 NIS. Colour: from 350 ש״ח.\nBeard trim 40 shekels, takes 20 minutes."

    response = logged_in(client, tenant.owner).post(preview, {"content": text}, **HTMX)

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert 'id="kb-preview"' in body
    assert "not saved yet" in body
    for price in ("₪90", "from ₪350", "₪40"):
        assert f'<li dir="auto">{price}</li>' in body
    assert "20 minutes" in body
    assert stored_kb(tenant) == before


def test_the_preview_reports_an_oversized_text_in_place(client, tenant):
    preview = reverse("agents:knowledge_base_preview", args=[tenant.business.pk])
    response = logged_in(client, tenant.owner).post(
        preview, {"content": "x" * (KNOWLEDGE_BASE_MAX_CHARS + 5)}, **HTMX
    )
    assert response.status_code == 200
    assert "at most 50,000 characters" in response.content.decode()


def test_a_business_without_a_knowledge_base_gets_one_on_first_save(client, tenant):
    KnowledgeBase.objects.filter(business=tenant.business).delete()
    client = logged_in(client, tenant.owner)
    assert "Nothing saved yet" in client.get(kb_url(tenant)).content.decode()

    assert client.post(kb_url(tenant), {"content": NEW_KB}).status_code == 302
    assert "₪95" in stored_kb(tenant)


# --- agent settings ---------------------------------------------------------------------------


def test_the_settings_page_shows_the_agents_settings_with_human_labels(client, tenant):
    response = logged_in(client, tenant.owner).get(settings_url(tenant))

    body = response.content.decode()
    assert response.status_code == 200
    assert escalation(tenant.agent, "en").replace("'", "&#x27;") in body
    assert escalation(tenant.agent, "he") in body
    assert "Balanced (recommended)" in body
    assert '<option value="claude-haiku-4-5" selected>' in body
    assert 'name="cached_after_failures" value="2"' in body


def test_an_owner_saves_valid_settings(client, tenant):
    response = logged_in(client, tenant.owner).post(settings_url(tenant), valid_settings())

    assert response.status_code == 302
    agent = Agent.objects.get(pk=tenant.agent.pk)
    assert escalation(agent, "en") == "I'm not sure; let me ask Dana."
    assert escalation(agent, "he") == "אני לא בטוחה; אשאל את דנה."
    assert agent_text(agent=agent, kind="handoff", language="en") == (
        "Dana will write to you shortly."
    )
    assert agent.grounding_policy == "review"
    assert agent.long_conversation_messages == 20
    assert agent.verbatim_messages == 8
    assert (agent.cached_after_failures, agent.rules_after_failures) == (3, 6)
    assert agent.human_after_failures == 12
    assert agent.recover_straight_to_full is True
    assert "Settings saved." in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("cached", "rules", "human"),
    [("5", "5", "10"), ("6", "4", "10"), ("2", "11", "10"), ("0", "5", "10")],
)
def test_thresholds_out_of_order_are_rejected_and_nothing_is_saved(
    client, tenant, cached, rules, human
):
    data = valid_settings(
        cached_after_failures=cached, rules_after_failures=rules, human_after_failures=human
    )
    response = logged_in(client, tenant.owner).post(settings_url(tenant), data)

    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()
    agent = Agent.objects.get(pk=tenant.agent.pk)
    assert (agent.cached_after_failures, agent.rules_after_failures) == (2, 5)
    assert agent.human_after_failures == 10
    assert escalation(agent, "en") != "I'm not sure; let me ask Dana."  # not half-saved


def test_a_model_outside_the_model_table_is_rejected(client, tenant):
    data = valid_settings(reply_model="gpt-4o")
    response = logged_in(client, tenant.owner).post(settings_url(tenant), data)

    assert response.status_code == 400
    assert "gpt-4o is not one of the available choices" in response.content.decode()
    assert Agent.objects.get(pk=tenant.agent.pk).reply_model == "claude-haiku-4-5"


def test_an_unknown_grounding_policy_and_an_empty_message_are_rejected(client, tenant):
    data = valid_settings(grounding_policy="yolo", handoff_text_en="   ")
    response = logged_in(client, tenant.owner).post(settings_url(tenant), data)
    assert response.status_code == 400
    agent = Agent.objects.get(pk=tenant.agent.pk)
    assert agent.grounding_policy == "default"
    assert agent_text(agent=agent, kind="handoff", language="en").startswith(
        "Thanks for your message!"
    )


def test_the_service_checks_a_partial_change_against_the_stored_ladder(tenant):
    with pytest.raises(ValidationError) as raised:
        agent_settings_update(agent=tenant.agent, by=tenant.owner, human_after_failures=4)
    assert "rules_after_failures" in raised.value.message_dict
    assert Agent.objects.get(pk=tenant.agent.pk).human_after_failures == 10


def test_the_service_writes_only_what_changed(tenant):
    with CaptureQueriesContext(connection) as queries:
        agent = agent_settings_update(
            agent=tenant.agent, by=tenant.owner, verbatim_messages=9, reply_model="claude-haiku-4-5"
        )
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert '"verbatim_messages"' in updates[0] and '"reply_model"' not in updates[0]
    assert Agent.objects.get(pk=agent.pk).verbatim_messages == 9
    with pytest.raises(TypeError):
        agent_settings_update(agent=agent, by=tenant.owner, pinned_mode="full_ai")


def test_a_reviewer_reads_the_settings_but_cannot_change_them(client, tenant):
    client = logged_in(client, tenant.reviewer)
    page = client.get(settings_url(tenant)).content.decode()
    assert "disabled" in page
    assert "Save settings" not in page

    response = client.post(settings_url(tenant), valid_settings())

    assert response.status_code == 403
    assert Agent.objects.get(pk=tenant.agent.pk).grounding_policy == "default"


def test_an_outsider_gets_404_for_the_settings(client, tenant, outsider):
    client = logged_in(client, outsider)
    assert client.get(settings_url(tenant)).status_code == 404
    assert client.post(settings_url(tenant), valid_settings()).status_code == 404
    assert Agent.objects.get(pk=tenant.agent.pk).grounding_policy == "default"


def test_an_operator_saves_settings_of_any_agent(client, tenant, operator):
    response = logged_in(client, operator).post(settings_url(tenant), valid_settings())
    assert response.status_code == 302
    assert Agent.objects.get(pk=tenant.agent.pk).grounding_policy == "review"


def test_the_agent_page_links_to_settings_knowledge_base_and_sandbox(client, tenant):
    page = logged_in(client, tenant.owner).get(reverse("agents:detail", args=[tenant.agent.pk]))
    body = page.content.decode()
    assert settings_url(tenant) in body
    assert kb_url(tenant) in body
    assert reverse("agents:sandbox", args=[tenant.agent.pk]) in body
