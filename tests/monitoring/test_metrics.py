"""Business metrics, the metrics page and the Prometheus endpoint."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.utils import timezone

from agents.models import LlmCall
from conversations.models import Lead, Message, Review
from monitoring.metrics import metrics_for_businesses
from monitoring.prometheus import BUSINESS_COUNTS, BUSINESS_RATES
from tests.factories import add_message, make_conversation

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_day(tenant):
    """Four conversations: one lead captured, one apology, one handed to people."""
    conversations = [
        make_conversation(agent=tenant.agent, wa_id=f"97250000000{n}") for n in range(4)
    ]
    for conversation in conversations:
        add_message(conversation, text="How much is a haircut?", needs_reply=True)
    add_message(conversations[0], text="Women's haircut: ₪180.", direction="out")
    add_message(conversations[1], text="Sorry, I don't have that information.", direction="out")
    add_message(conversations[2], text="Men's haircut: ₪90.", direction="out", author="cached")
    add_message(conversations[3], text="A person will answer.", direction="out", author="fallback")
    conversations[3].handed_off_at = timezone.now()
    conversations[3].save(update_fields=["handed_off_at"])
    Lead.objects.create(
        business=tenant.business,
        conversation=conversations[0],
        name="Noa",
        need="a haircut on Friday",
        score=Lead.Score.HOT,
    )
    Lead.objects.create(business=tenant.business, conversation=conversations[1], need="colour")
    LlmCall.objects.create(
        agent=tenant.agent,
        purpose="reply",
        model="claude-haiku-4-5",
        outcome="ok",
        cost_usd=Decimal("0.0012"),
    )
    LlmCall.objects.create(
        agent=tenant.agent, purpose="reply", model="claude-haiku-4-5", outcome="error"
    )
    return conversations


def test_it_measures_lead_capture_apologies_escalations_and_cost(tenant, busy_day):
    (metrics,) = metrics_for_businesses(businesses=[tenant.business])
    assert metrics.conversations == 4
    assert metrics.lead_capture_rate == 0.25  # a name and a need; a need alone is not a lead
    assert metrics.hot_leads == 1
    assert metrics.apology_rate == 0.5  # one of the two AI replies says sorry
    # One conversation went to people, its notice a fallback message: escalated once.
    assert metrics.escalation_rate == 0.25
    assert metrics.llm_cost_usd == Decimal("0.0012")
    assert (metrics.llm_calls, metrics.llm_errors) == (2, 1)
    assert metrics.replies_by_author == {"ai": 2, "cached": 1, "fallback": 1}


def test_the_metrics_page_shows_only_the_users_businesses(client, tenant, outsider, busy_day):
    client.force_login(outsider)
    page = client.get("/dashboard/")
    assert page.status_code == 200
    assert tenant.business.name not in page.content.decode()
    client.force_login(tenant.owner)
    page = client.get("/dashboard/?window=24h")
    assert "Lead capture" in page.content.decode()
    assert "25%" in page.content.decode()


def test_the_metrics_page_refreshes_only_its_cards_for_htmx(client, tenant, busy_day):
    client.force_login(tenant.owner)
    page = client.get("/dashboard/", headers={"HX-Request": "true"})
    body = page.content.decode()
    assert body.lstrip().startswith('<div id="metrics"')
    assert "<html" not in body


def test_prometheus_gets_counters_and_gauges_in_text_format(client, tenant, busy_day, redis_client):
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    body = response.content.decode()
    slug = tenant.business.slug
    assert "# TYPE switchboard_messages_total counter" in body
    assert (
        f'switchboard_messages_total{{business="{slug}",direction="out",author="cached"}} 1' in body
    )
    assert f'switchboard_leads{{business="{slug}",score="hot"}} 1' in body
    assert (
        f'switchboard_agent_mode{{business="{slug}",agent="{tenant.agent.pk}",mode="full_ai"'
        in body
    )
    assert 'switchboard_queue_jobs{queue="replies"} 0' in body


def test_prometheus_needs_the_token_when_one_is_configured(client, settings, redis_client):
    settings.METRICS_TOKEN = "s3cret"
    assert client.get("/metrics").status_code == 401
    authorised = client.get("/metrics", headers={"Authorization": "Bearer s3cret"})
    assert authorised.status_code == 200


def test_an_owners_sandbox_chats_are_left_out_of_the_metrics(tenant):
    sandbox = make_conversation(agent=tenant.agent, wa_id="972509999999")
    sandbox.is_sandbox = True
    sandbox.save(update_fields=["is_sandbox"])
    add_message(sandbox, text="How much is a haircut?", needs_reply=True)
    add_message(sandbox, text="Sorry, no idea.", direction="out")
    (metrics,) = metrics_for_businesses(businesses=[tenant.business])
    assert (metrics.conversations, metrics.customer_messages, metrics.apologies) == (0, 0, 0)


def test_a_conversation_handed_off_with_a_fallback_notice_escalates_once(tenant):
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000099")
    add_message(conversation, text="Do you do nails?", needs_reply=True)
    add_message(conversation, text="A person will answer.", direction="out", author="fallback")
    add_message(conversation, text="Still there?", needs_reply=True)
    add_message(conversation, text="A person will answer.", direction="out", author="fallback")
    conversation.handed_off_at = timezone.now()
    conversation.save(update_fields=["handed_off_at"])

    (metrics,) = metrics_for_businesses(businesses=[tenant.business])

    assert metrics.escalation_rate == 1.0
    assert metrics.escalated == 1


def _prometheus_gauges(body: str, *, slug: str, window: str) -> dict[str, float]:
    """The business gauges of one business and window, by name (and event or rate)."""
    gauges = {}
    for line in body.splitlines():
        match = re.fullmatch(r"(switchboard_business_\w+)\{([^}]*)\} (\S+)", line)
        if not match:
            continue
        name, labels, value = match.groups()
        labels = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        if labels.pop("business") == slug and labels.pop("window") == window:
            gauges[":".join([name, *labels.values()])] = float(value)
    return gauges


def test_the_dashboard_and_prometheus_agree_on_the_same_data(client, tenant, busy_day):
    reviewed = add_message(busy_day[0], text="Sorry for the wait: ₪180.", direction="out")
    Review.objects.create(
        message=reviewed,
        business=tenant.business,
        original_text="Colour ₪99.",
        decision=Review.Decision.EDITED,
    )
    add_message(busy_day[3], text="Sorry, Dana here.", direction="out", author="human")
    client.force_login(tenant.owner)

    page = client.get("/dashboard/?window=7d")
    ((shown, _, _),) = page.context["cards"]
    gauges = _prometheus_gauges(
        client.get("/metrics").content.decode(), slug=tenant.business.slug, window="7d"
    )

    assert gauges["switchboard_business_conversations"] == shown.conversations == 4
    for event in BUSINESS_COUNTS:
        assert gauges[f"switchboard_business_events:{event}"] == getattr(shown, event), event
    for rate, attribute in BUSINESS_RATES.items():
        assert gauges[f"switchboard_business_rate:{rate}"] == getattr(shown, attribute), rate
    assert gauges["switchboard_business_rate:lead_capture"] == 0.25
    assert gauges["switchboard_business_rate:escalations"] == 0.25
    # the reviewer's rewrite and the person's "sorry" are not the AI apologising
    assert gauges["switchboard_business_events:apologies"] == 1


def test_the_replies_figure_is_the_sum_of_its_breakdown_by_author(client, tenant, busy_day):
    add_message(busy_day[3], text="Dana here: ₪180.", direction="out", author="human")
    client.force_login(tenant.owner)

    body = client.get("/dashboard/?window=7d").content.decode()

    replies = re.search(r"<dt>Replies</dt>\s*<dd>(\d+)</dd>\s*<p[^>]*>([^<]*)</p>", body)
    assert replies.group(2) == "AI 2 · cached 1 · rules 0 · fallback 1 · people 1"
    assert int(replies.group(1)) == 5 == sum(int(n) for n in re.findall(r"\d+", replies.group(2)))


def test_a_reviewers_or_a_persons_sorry_is_not_an_ai_apology(tenant):
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000098")
    add_message(conversation, text="Can I come at 9?", needs_reply=True)
    edited = add_message(conversation, text="Sorry, we open at 10.", direction="out")
    Review.objects.create(
        message=edited,
        business=tenant.business,
        original_text="Yes, 9 is fine.",
        decision=Review.Decision.EDITED,
    )
    add_message(conversation, text="Sorry, Dana here.", direction="out", author="human")
    approved = add_message(conversation, text="Unfortunately we are closed.", direction="out")
    Review.objects.create(
        message=approved,
        business=tenant.business,
        original_text=approved.text,
        decision=Review.Decision.APPROVED,
    )

    (metrics,) = metrics_for_businesses(businesses=[tenant.business])

    assert metrics.apologies == 1  # only the approved reply: its words are the AI's
    assert metrics.ai_replies == 2


def test_a_reply_is_unsupported_once_and_a_handoff_notice_is_no_unsupported_claim(
    tenant, prompt_version
):
    conversation = make_conversation(agent=tenant.agent, wa_id="972500000097")
    add_message(conversation, text="Do you do nails?", needs_reply=True)
    add_message(conversation, text="Nails ₪80.", direction="out", prompt_version=prompt_version)
    replaced = add_message(
        conversation,
        text="Let me check with the team.",
        direction="out",
        author="fallback",
        prompt_version=prompt_version,
    )
    rejected = add_message(
        conversation,
        text="Let me check with the team.",
        direction="out",
        author="fallback",  # a held reply the reviewer rejected: its review is its count
        prompt_version=prompt_version,
    )
    Review.objects.create(
        message=rejected,
        business=tenant.business,
        original_text="Gel nails ₪50.",
        decision=Review.Decision.REJECTED,
    )
    add_message(conversation, text="A person will answer.", direction="out", author="fallback")

    (metrics,) = metrics_for_businesses(businesses=[tenant.business])

    assert (metrics.written, metrics.held_for_review, metrics.replaced_by_fallback) == (3, 1, 1)
    assert metrics.unsupported_rate == 2 / 3
    assert replaced.pk in Message.objects.replaced_by_fallback().values_list("pk", flat=True)
