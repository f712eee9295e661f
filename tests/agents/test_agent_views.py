"""The agent pages: who sees what, pins by operators only, cached answers, the rules editor."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from agents.answer_cache import answer_cache_store
from agents.ladder import ladder_record_failure
from agents.models import Agent, CachedAnswer, Mode, ModeTransition, Rule
from agents.services import agent_pin, business_install_defaults
from monitoring.models import Alert
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def clean_redis(redis_client):
    return redis_client


def logged_in(client: Client, user: object) -> Client:
    client.force_login(user)
    return client


def degrade(agent: Agent, failures: int = 2) -> None:
    for _ in range(failures):
        ladder_record_failure(agent=agent, kind="overloaded")


@pytest.fixture
def cached(tenant) -> CachedAnswer:
    return answer_cache_store(
        agent=tenant.agent,
        question="How much is a men's haircut?",
        answer="A men's haircut is ₪90.",
        language="en",
    )


# --- the agents page --------------------------------------------------------------------------


def test_the_agents_page_sends_an_anonymous_visitor_to_log_in(client):
    response = client.get(reverse("agents:list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_agents_page_shows_each_agents_mode_its_changes_and_alerts(client, tenant):
    degrade(tenant.agent)

    response = logged_in(client, tenant.reviewer).get(reverse("agents:list"))

    body = response.content.decode()
    assert response.status_code == 200
    assert tenant.agent.name in body
    assert 'class="mode mode-cached_ai"' in body
    assert "2 consecutive LLM failures (overloaded)" in body  # transition and alert
    assert f"{tenant.agent.name} degraded to Cached answers" in body
    assert reverse("agents:detail", args=[tenant.agent.pk]) in body
    assert reverse("agents:rules", args=[tenant.business.pk]) in body
    assert 'hx-trigger="every 10s"' in body


def test_the_agents_page_poll_gets_only_the_overview(client, tenant):
    response = logged_in(client, tenant.owner).get(reverse("agents:list"), **HTMX)
    body = response.content.decode()
    assert 'id="agent-overview"' in body
    assert "<html" not in body


def test_the_agents_page_shows_the_pin_who_when_and_why(client, tenant, operator):
    agent_pin(agent=tenant.agent, mode=Mode.HUMAN_ONLY, by=operator, reason="Vendor incident")

    body = logged_in(client, tenant.owner).get(reverse("agents:list")).content.decode()

    assert 'class="mode mode-human_only"' in body
    assert "Pinned</span>" in body
    assert "by <strong>operator</strong>" in body
    assert "Vendor incident" in body


def test_an_outsider_sees_none_of_the_tenants_agents(client, tenant, outsider):
    degrade(tenant.agent)
    body = logged_in(client, outsider).get(reverse("agents:list")).content.decode()
    assert tenant.agent.name not in body
    assert "degraded" not in body


def test_an_operator_sees_every_businesss_agents(client, tenant, outsider, operator):
    other = Agent.objects.exclude(business=tenant.business).get()
    body = logged_in(client, operator).get(reverse("agents:list")).content.decode()
    assert tenant.agent.name in body and other.name in body


# --- one agent --------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["owner", "reviewer", "operator"])
def test_the_agent_page_shows_mode_ladder_history_and_cache(
    client, tenant, operator, cached, persona
):
    user = operator if persona == "operator" else getattr(tenant, persona)
    degrade(tenant.agent, failures=3)

    response = logged_in(client, user).get(reverse("agents:detail", args=[tenant.agent.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="mode mode-cached_ai"' in body
    assert "<dt>Consecutive failures</dt><dd>3" in body
    assert "(every 15 s)" in body  # the next probe
    assert "2 consecutive LLM failures (overloaded)" in body
    assert "How much is a men&#x27;s haircut?" in body
    assert reverse("agents:rules", args=[tenant.business.pk]) in body


def test_the_agent_page_is_a_404_for_an_outsider(client, tenant, outsider):
    response = logged_in(client, outsider).get(reverse("agents:detail", args=[tenant.agent.pk]))
    assert response.status_code == 404


def test_the_mode_panel_poll_is_a_404_for_an_outsider(client, tenant, outsider):
    response = logged_in(client, outsider).get(reverse("agents:mode", args=[tenant.agent.pk]))
    assert response.status_code == 404


def test_only_an_operator_gets_the_pin_controls_with_a_confirmation(client, tenant, operator):
    url = reverse("agents:detail", args=[tenant.agent.pk])
    owner_page = logged_in(client, tenant.owner).get(url).content.decode()
    operator_page = logged_in(Client(), operator).get(url).content.decode()

    assert reverse("agents:pin", args=[tenant.agent.pk]) not in owner_page
    assert reverse("agents:pin", args=[tenant.agent.pk]) in operator_page
    assert "hx-confirm=" in operator_page


# --- pin and unpin ----------------------------------------------------------------------------


def test_an_operator_pins_an_agent_and_gets_the_panel_back(client, tenant, operator):
    response = logged_in(client, operator).post(
        reverse("agents:pin", args=[tenant.agent.pk]),
        {"mode": "rules_only", "reason": "Testing the rules"},
        **HTMX,
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="agent-mode"' in body and "<html" not in body
    assert "Pinned</span>" in body
    assert "by <strong>operator</strong>" in body
    assert "Testing the rules" in body
    assert reverse("agents:unpin", args=[tenant.agent.pk]) in body
    tenant.agent.refresh_from_db()
    assert (tenant.agent.pinned_mode, tenant.agent.pinned_by) == ("rules_only", operator)
    transition = ModeTransition.objects.get()
    assert (transition.to_mode, transition.by, transition.automatic) == (
        "rules_only",
        operator,
        False,
    )


def test_an_operator_pins_without_htmx_and_is_sent_back_to_the_agent(client, tenant, operator):
    response = logged_in(client, operator).post(
        reverse("agents:pin", args=[tenant.agent.pk]), {"mode": "human_only"}
    )
    assert response.status_code == 302
    assert response.url == reverse("agents:detail", args=[tenant.agent.pk])


def test_a_pin_to_an_unknown_mode_is_refused_and_changes_nothing(client, tenant, operator):
    response = logged_in(client, operator).post(
        reverse("agents:pin", args=[tenant.agent.pk]), {"mode": "panic"}, **HTMX
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    tenant.agent.refresh_from_db()
    assert tenant.agent.pinned_mode == ""


@pytest.mark.parametrize(("persona", "status"), [("owner", 403), ("reviewer", 403)])
def test_a_member_cannot_pin(client, tenant, persona, status):
    response = logged_in(client, getattr(tenant, persona)).post(
        reverse("agents:pin", args=[tenant.agent.pk]), {"mode": "human_only"}, **HTMX
    )
    assert response.status_code == status
    tenant.agent.refresh_from_db()
    assert tenant.agent.pinned_mode == ""


def test_an_outsider_cannot_pin_or_unpin_and_learns_nothing(client, tenant, outsider, operator):
    agent_pin(agent=tenant.agent, mode=Mode.HUMAN_ONLY, by=operator, reason="")
    client = logged_in(client, outsider)
    assert (
        client.post(reverse("agents:pin", args=[tenant.agent.pk]), {"mode": "full_ai"}).status_code
        == 404
    )
    assert client.post(reverse("agents:unpin", args=[tenant.agent.pk])).status_code == 404
    tenant.agent.refresh_from_db()
    assert tenant.agent.pinned_mode == "human_only"


def test_an_operator_unpins_and_the_ladder_decides_again(client, tenant, operator):
    degrade(tenant.agent)
    agent_pin(agent=tenant.agent, mode=Mode.FULL_AI, by=operator, reason="")

    response = logged_in(client, operator).post(
        reverse("agents:unpin", args=[tenant.agent.pk]), **HTMX
    )

    body = response.content.decode()
    assert 'class="mode mode-cached_ai"' in body
    assert "Pinned</span>" not in body
    tenant.agent.refresh_from_db()
    assert tenant.agent.pinned_mode == ""


def test_an_owner_cannot_unpin(client, tenant, operator):
    agent_pin(agent=tenant.agent, mode=Mode.HUMAN_ONLY, by=operator, reason="")
    response = logged_in(client, tenant.owner).post(reverse("agents:unpin", args=[tenant.agent.pk]))
    assert response.status_code == 403


def test_pin_and_unpin_only_accept_post(client, tenant, operator):
    client = logged_in(client, operator)
    assert client.get(reverse("agents:pin", args=[tenant.agent.pk])).status_code == 405
    assert client.get(reverse("agents:unpin", args=[tenant.agent.pk])).status_code == 405


# --- cached answers ---------------------------------------------------------------------------


def test_an_owner_deletes_a_cached_answer(client, tenant, cached):
    response = logged_in(client, tenant.owner).post(
        reverse("agents:cached_answer_delete", args=[tenant.agent.pk, cached.pk]), **HTMX
    )
    assert response.status_code == 200
    assert response.content == b""
    assert not CachedAnswer.objects.exists()


def test_an_operator_deletes_a_cached_answer_without_htmx(client, tenant, operator, cached):
    response = logged_in(client, operator).post(
        reverse("agents:cached_answer_delete", args=[tenant.agent.pk, cached.pk])
    )
    assert response.status_code == 302
    assert not CachedAnswer.objects.exists()


def test_a_reviewer_sees_cached_answers_but_cannot_delete_them(client, tenant, cached):
    client = logged_in(client, tenant.reviewer)
    page = client.get(reverse("agents:detail", args=[tenant.agent.pk])).content.decode()
    url = reverse("agents:cached_answer_delete", args=[tenant.agent.pk, cached.pk])
    assert "A men&#x27;s haircut is ₪90." in page
    assert url not in page
    assert client.post(url).status_code == 403
    assert CachedAnswer.objects.exists()


def test_an_outsider_cannot_delete_a_cached_answer(client, tenant, outsider, cached):
    response = logged_in(client, outsider).post(
        reverse("agents:cached_answer_delete", args=[tenant.agent.pk, cached.pk])
    )
    assert response.status_code == 404
    assert CachedAnswer.objects.exists()


def test_a_cached_answer_is_deleted_only_through_its_own_agent(client, tenant, cached):
    other = factories.make_agent(business=tenant.business)
    response = logged_in(client, tenant.owner).post(
        reverse("agents:cached_answer_delete", args=[other.pk, cached.pk])
    )
    assert response.status_code == 404
    assert CachedAnswer.objects.exists()


# --- rules ------------------------------------------------------------------------------------


def rules_url(tenant) -> str:
    return reverse("agents:rules", args=[tenant.business.pk])


def rule_data(**overrides) -> dict[str, object]:
    return {
        "name": "Parking",
        "kind": "keywords",
        "match": "parking, park, חניה",
        "response": "There is parking behind the salon.",
        "language": "",
        "priority": 25,
        "is_active": "on",
    } | overrides


def test_an_owner_gets_the_rules_editor(client, tenant):
    business_install_defaults(business=tenant.business)
    body = logged_in(client, tenant.owner).get(rules_url(tenant)).content.decode()
    assert "Add a rule" in body
    assert "כמה עולה" in body
    assert reverse("agents:rule_create", args=[tenant.business.pk]) in body
    assert "hx-confirm=" in body  # deleting asks first


def test_a_reviewer_reads_the_rules_but_gets_no_editor(client, tenant):
    business_install_defaults(business=tenant.business)
    client = logged_in(client, tenant.reviewer)
    body = client.get(rules_url(tenant)).content.decode()
    assert "כמה עולה" in body
    assert "Add a rule" not in body
    assert reverse("agents:rule_create", args=[tenant.business.pk]) not in body
    rule = Rule.objects.first()
    assert (
        client.post(
            reverse("agents:rule_create", args=[tenant.business.pk]), rule_data()
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("agents:rule_delete", args=[tenant.business.pk, rule.pk])).status_code
        == 403
    )
    assert (
        client.get(reverse("agents:rule_edit", args=[tenant.business.pk, rule.pk])).status_code
        == 403
    )
    assert Rule.objects.count() == 14


def test_the_rules_are_a_404_for_an_outsider(client, tenant, outsider):
    business_install_defaults(business=tenant.business)
    rule = Rule.objects.first()
    client = logged_in(client, outsider)
    assert client.get(rules_url(tenant)).status_code == 404
    assert (
        client.post(
            reverse("agents:rule_create", args=[tenant.business.pk]), rule_data()
        ).status_code
        == 404
    )
    assert (
        client.post(reverse("agents:rule_delete", args=[tenant.business.pk, rule.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("agents:rule_try", args=[tenant.business.pk]) + "?text=hi").status_code
        == 404
    )


def test_an_owner_adds_a_rule(client, tenant):
    response = logged_in(client, tenant.owner).post(
        reverse("agents:rule_create", args=[tenant.business.pk]), rule_data()
    )
    assert response.status_code == 302
    rule = Rule.objects.get()
    assert (rule.name, rule.priority, rule.language, rule.is_active) == ("Parking", 25, "", True)
    assert not rule.hands_to_people


def test_an_owner_marks_a_rule_as_handing_the_conversation_to_a_person(client, tenant):
    logged_in(client, tenant.owner).post(
        reverse("agents:rule_create", args=[tenant.business.pk]),
        rule_data(response="A team member will call you back.", hands_to_people="on"),
    )
    assert Rule.objects.get().hands_to_people


def test_a_rule_with_a_bad_pattern_gets_a_clear_error_and_nothing_is_saved(client, tenant):
    response = logged_in(client, tenant.owner).post(
        reverse("agents:rule_create", args=[tenant.business.pk]),
        rule_data(kind="pattern", match="(open|close"),
    )
    assert response.status_code == 400
    assert "This is not a valid regular expression" in response.content.decode()
    assert not Rule.objects.exists()


def test_an_operator_edits_a_rule(client, tenant, operator):
    business_install_defaults(business=tenant.business)
    rule = Rule.objects.get(name="Prices", language="en")
    url = reverse("agents:rule_edit", args=[tenant.business.pk, rule.pk])
    client = logged_in(client, operator)
    assert "how much" in client.get(url).content.decode()

    response = client.post(
        url,
        rule_data(
            name="Prices", match="price, how much", response="Haircuts from ₪90.", language="en"
        ),
    )

    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.match, rule.response) == ("price, how much", "Haircuts from ₪90.")


def test_an_owner_deletes_a_rule(client, tenant):
    business_install_defaults(business=tenant.business)
    rule = Rule.objects.get(name="Greeting", language="he")
    response = logged_in(client, tenant.owner).post(
        reverse("agents:rule_delete", args=[tenant.business.pk, rule.pk]), **HTMX
    )
    assert response.status_code == 200
    assert not Rule.objects.filter(pk=rule.pk).exists()


def test_a_rule_of_another_business_cannot_be_edited_through_this_one(client, tenant, outsider):
    foreign = Rule.objects.create(
        business=Agent.objects.exclude(business=tenant.business).get().business,
        name="Theirs",
        match="hi",
        response="x",
    )
    response = logged_in(client, tenant.owner).post(
        reverse("agents:rule_delete", args=[tenant.business.pk, foreign.pk])
    )
    assert response.status_code == 404
    assert Rule.objects.filter(pk=foreign.pk).exists()


def test_an_owner_installs_the_default_rules_from_the_empty_page(client, tenant):
    client = logged_in(client, tenant.owner)
    assert "Add the default rules" in client.get(rules_url(tenant)).content.decode()
    response = client.post(reverse("agents:rule_install_defaults", args=[tenant.business.pk]))
    assert response.status_code == 302
    assert Rule.objects.filter(business=tenant.business).count() == 14


def test_trying_a_message_shows_which_rule_answers(client, tenant):
    business_install_defaults(business=tenant.business)
    client = logged_in(client, tenant.reviewer)
    url = reverse("agents:rule_try", args=[tenant.business.pk])

    english = client.get(url, {"text": "Hi, how much is a haircut?", "language": "auto"}, **HTMX)
    hebrew = client.get(url, {"text": "מה המחיר של תספורת?", "language": "auto"}, **HTMX)
    nothing = client.get(url, {"text": "Do you sell gift cards?", "language": "en"}, **HTMX)

    assert "<strong>Prices</strong> answers" in english.content.decode()
    assert "A team member will send you our current prices shortly." in english.content.decode()
    assert "נציג מהצוות ישלח לך את המחירים העדכניים בהקדם." in hebrew.content.decode()
    assert "No rule matched; the default answers" in nothing.content.decode()


def test_trying_a_message_without_rules_says_a_person_would_answer(client, tenant):
    response = logged_in(client, tenant.owner).get(
        reverse("agents:rule_try", args=[tenant.business.pk]), {"text": "hello"}, **HTMX
    )
    assert "the conversation would go to a person" in response.content.decode()


def test_alerts_of_other_businesses_stay_out_of_the_agents_page(client, tenant, outsider):
    other_agent = Agent.objects.exclude(business=tenant.business).get()
    Alert.objects.create(
        kind=Alert.Kind.DEGRADED,
        severity=Alert.Severity.WARNING,
        title="Their agent degraded",
        business=other_agent.business,
        agent=other_agent,
    )
    body = logged_in(client, tenant.owner).get(reverse("agents:list")).content.decode()
    assert "Their agent degraded" not in body
