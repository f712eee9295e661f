"""Notifications to the business, end to end: what the lower layers recorded, read by the
scheduled job, delivered by a real RQ worker to a real SMTP server (aiosmtpd) and to local
stand-ins for Slack's webhook and Meta's Graph API."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import django_rq
import pytest
from django.utils import timezone
from rq import SimpleWorker
from rq.cron import CronScheduler

from agents.models import Membership
from conversations.models import Lead, Message, Review
from conversations.services.handoff import (
    BY_CUSTOMER,
    conversation_hand_off,
    handoff_notice_store,
)
from monitoring.jobs import send_business_notifications
from monitoring.models import Alert, Notification, NotificationPreference, NotificationSettings
from monitoring.notifications import (
    BACKOFF_BASE,
    MAX_ATTEMPTS,
    notification_settings_for,
    notifications_dispatch,
)
from monitoring.services import alert_raise
from tests import factories
from tests.stubs import HttpStub, SmtpStub

pytestmark = [pytest.mark.django_db, pytest.mark.redis]

SITE = "http://switchboard.test"
STAFF_PHONE = "972541112233"


@pytest.fixture
def smtp(settings):
    stub = SmtpStub()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = stub.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.DEFAULT_FROM_EMAIL = "Switchboard <switchboard@example.com>"
    settings.SITE_URL = SITE
    yield stub
    stub.stop()


@pytest.fixture
def slack():
    stub = HttpStub(default=lambda: (200, "ok"))
    yield stub
    stub.shutdown()


@pytest.fixture
def people(tenant, outsider):
    """Everyone has an e-mail address; the outsider's business has a Slack webhook of its own."""
    for user, address in [
        (tenant.owner, "dana@salon.test"),
        (tenant.reviewer, "noa@salon.test"),
        (outsider, "boss@other.test"),
    ]:
        user.email = address
        user.save(update_fields=["email"])
    return tenant


def config_of(business, **changes) -> NotificationSettings:
    config = notification_settings_for(businesses=[business])[business.pk]
    for name, value in changes.items():
        setattr(config, name, value)
    config.save()
    return config


def run(redis_client, *, now: dt.datetime | None = None) -> int:
    """One tick of the scheduled job, then a worker runs the delivery jobs it enqueued."""
    claimed = notifications_dispatch(now=now)
    queue = django_rq.get_queue("background")
    SimpleWorker([queue], connection=redis_client).work(burst=True)
    return claimed


def recipients(smtp: SmtpStub) -> list[str]:
    return sorted(m["X-Envelope-To"] for m in smtp.messages)


def link_in(message) -> str:
    body = message.get_content()
    (link,) = re.findall(r"Open it: (\S+)", body)
    assert link.startswith(SITE + "/")
    return link.removeprefix(SITE)


def hand_off(tenant, *, text: str = "I want to talk to a person about my wedding hair"):
    conversation = factories.make_conversation(agent=tenant.agent, name="Maya Cohen")
    asked = factories.add_message(conversation, text=text, needs_reply=True)
    conversation = conversation_hand_off(conversation=conversation, reason=BY_CUSTOMER)
    # As the reply path does: the customer is told once that a person will answer.
    handoff_notice_store(conversation=conversation, pending=[asked])
    return conversation


def hold_reply(tenant) -> Review:
    conversation = factories.make_conversation(agent=tenant.agent, wa_id="972509998877")
    factories.add_message(conversation, text="Is colouring cheaper on Sundays?")
    held = factories.add_message(
        conversation,
        text="Yes, colouring is ₪200 on Sundays!",
        direction=Message.Direction.OUTBOUND,
        status=Message.Status.HELD,
    )
    return Review.objects.create(
        message=held,
        business=tenant.business,
        original_text=held.text,
        flags=[{"kind": "number", "text": "₪200"}],
    )


def hot_lead(tenant) -> Lead:
    conversation = factories.make_conversation(agent=tenant.agent, wa_id="972521234567")
    factories.add_message(conversation, text="Keratin before my wedding on Friday, call me")
    return Lead.objects.create(
        business=tenant.business,
        conversation=conversation,
        name="Yael",
        phone="052-1234567",
        need="keratin before her wedding",
        timeline="Friday",
        score=Lead.Score.HOT,
    )


def staff_wrote(tenant, *, hours_ago: float) -> None:
    """The staff phone wrote to the business's number: WhatsApp's 24-hour window opens."""
    conversation = factories.make_conversation(agent=tenant.agent, wa_id=STAFF_PHONE)
    factories.add_message(
        conversation, text="hi", at=timezone.now() - dt.timedelta(hours=hours_ago)
    )


# --- each event, once, to the right people ----------------------------------------------------


def test_a_handoff_emails_the_owner_and_the_reviewer_once_with_a_link_to_the_inbox(
    smtp, people, redis_client, client
):
    conversation = hand_off(people)

    run(redis_client)
    run(redis_client)  # the job runs every minute: nobody is told twice

    assert recipients(smtp) == ["dana@salon.test", "noa@salon.test"]
    message = smtp.messages[0]
    assert message["Subject"] == "Salon Dana: Maya Cohen (+972501234567) is waiting for a person"
    assert message["From"] == "Switchboard <switchboard@example.com>"
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    assert "Reason: The customer asked for a person" in body
    assert "I want to talk to a person about my wedding hair" in body

    link = link_in(message)
    assert link == f"/inbox/#inbox-{conversation.pk}"
    client.force_login(people.reviewer)
    page = client.get(link)
    assert page.status_code == 200
    assert f'id="inbox-{conversation.pk}"' in page.content.decode()
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_another_business_is_never_told_of_this_ones_events(
    smtp, people, outsider, slack, redis_client
):
    other = outsider.memberships.get().business
    config_of(other, slack_webhook_url=slack.url + "/services/OTHER")

    hand_off(people)
    hold_reply(people)
    hot_lead(people)
    run(redis_client)

    assert "boss@other.test" not in recipients(smtp)
    assert slack.requests == []
    assert not Notification.objects.filter(business=other).exists()


def test_a_reviewer_who_turned_held_replies_off_gets_no_email_of_one(
    smtp, people, redis_client, client
):
    NotificationPreference.objects.create(
        user=people.reviewer, business=people.business, email_kinds=["handoff"]
    )
    review = hold_reply(people)

    run(redis_client)

    assert recipients(smtp) == ["dana@salon.test"]
    (message,) = smtp.messages
    assert message["Subject"] == "Salon Dana: a reply to +972509998877 is held for review"
    link = link_in(message)
    assert link == f"/review/{review.pk}/"
    client.force_login(people.owner)
    assert "colouring is ₪200 on Sundays" in client.get(link).content.decode()


def test_a_hot_lead_goes_to_the_owner_slack_and_the_staff_whatsapp_but_not_the_reviewer(
    smtp, people, slack, graph_api, redis_client, client
):
    config_of(
        people.business,
        slack_webhook_url=slack.url + "/services/T1/B1/X1",
        whatsapp_number=STAFF_PHONE,
    )
    staff_wrote(people, hours_ago=2)
    hot_lead(people)

    run(redis_client)

    assert recipients(smtp) == ["dana@salon.test"]  # reviewers get no leads by default
    assert smtp.messages[0]["Subject"] == "Salon Dana: a hot lead, Yael"
    assert "When: Friday" in smtp.messages[0].get_content()
    (post,) = slack.requests
    assert post.path == "/services/T1/B1/X1"
    assert post.body["text"].startswith("*Salon Dana: a hot lead, Yael*")
    assert f"{SITE}/leads/?score=hot" in post.body["text"]
    (sent,) = graph_api.requests
    assert sent.path == f"/v23.0/{people.agent.phone_number_id}/messages"
    assert sent.body["to"] == STAFF_PHONE
    assert f"{SITE}/leads/?score=hot" in sent.body["text"]["body"]
    client.force_login(people.owner)
    assert "Yael" in client.get(link_in(smtp.messages[0])).content.decode()


def test_whatsapp_outside_the_staff_phones_24_hour_window_is_not_sent_and_says_why(
    smtp, people, graph_api, redis_client
):
    config_of(people.business, whatsapp_number=STAFF_PHONE)
    staff_wrote(people, hours_ago=25)
    hot_lead(people)

    run(redis_client)

    assert graph_api.requests == []
    row = Notification.objects.get(channel="whatsapp")
    assert row.status == "skipped"
    assert "24-hour window" in row.last_error
    assert recipients(smtp) == ["dana@salon.test"]  # the other channels went out


def test_a_customer_waiting_longer_than_the_business_allows_is_told_with_a_link_to_the_thread(
    smtp, people, redis_client, client
):
    config_of(people.business, waiting_minutes=15)
    now = timezone.now()
    waiting = factories.make_conversation(agent=people.agent, wa_id="972500000001")
    factories.add_message(
        waiting, text="Hello? Anyone?", needs_reply=True, at=now - dt.timedelta(minutes=20)
    )
    recent = factories.make_conversation(agent=people.agent, wa_id="972500000002")
    factories.add_message(recent, text="Hi", needs_reply=True, at=now - dt.timedelta(minutes=10))

    run(redis_client, now=now)

    assert recipients(smtp) == ["dana@salon.test", "noa@salon.test"]
    message = smtp.messages[0]
    assert message["Subject"] == (
        "Salon Dana: +972500000001 has waited over 15 minutes for a reply"
    )
    link = link_in(message)
    assert link == f"/conversations/{waiting.pk}/"
    client.force_login(people.owner)
    assert "Hello? Anyone?" in client.get(link).content.decode()


def test_an_alert_rule_out_of_range_is_told_to_the_owner_with_a_link_to_the_rules(
    smtp, people, redis_client, client
):
    alert_raise(
        kind=Alert.Kind.METRIC,
        severity=Alert.Severity.WARNING,
        business=people.business,
        title="Salon Dana: lead capture at 4%, below 10%",
        detail="1 of 25 conversations captured a lead over the last 7 days.",
    )

    run(redis_client)

    assert recipients(smtp) == ["dana@salon.test"]
    message = smtp.messages[0]
    assert message["Subject"] == "Salon Dana: an alert rule is out of range"
    assert "lead capture at 4%, below 10%" in message.get_content()
    link = link_in(message)
    assert link == f"/dashboard/alerts/#rules-{people.business.pk}"
    client.force_login(people.owner)
    assert client.get(link).status_code == 200


def test_an_email_is_written_in_the_recipients_language(smtp, people, redis_client):
    NotificationPreference.objects.create(
        user=people.reviewer, business=people.business, language="he"
    )
    hand_off(people)

    run(redis_client)

    by_address = {m["X-Envelope-To"]: m for m in smtp.messages}
    assert "is waiting for a person" in by_address["dana@salon.test"]["Subject"]
    hebrew = by_address["noa@salon.test"]
    assert "Salon Dana" in hebrew["Subject"]
    assert re.search(r"[\u0590-\u05FF]", hebrew["Subject"])
    assert re.search(r"[\u0590-\u05FF]", hebrew.get_content())
    assert f"{SITE}/inbox/" in hebrew.get_content()


def test_sandbox_conversations_tell_nobody(smtp, people, redis_client):
    conversation = hand_off(people)
    conversation.is_sandbox = True
    conversation.save(update_fields=["is_sandbox"])

    run(redis_client)

    assert smtp.messages == []


# --- quiet hours ------------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Asia/Jerusalem", "America/New_York"])
def test_quiet_hours_on_the_business_clock_defer_a_handoff_to_their_end_but_not_a_hot_lead(
    smtp, people, redis_client, zone
):
    people.business.time_zone = zone
    people.business.save(update_fields=["time_zone"])
    now = timezone.now()
    local = now.astimezone(zoneinfo.ZoneInfo(zone))
    start = (local - dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (local + dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    config_of(people.business, quiet_start=start, quiet_end=end)
    hand_off(people)
    hot_lead(people)

    run(redis_client, now=now)

    assert [m["Subject"] for m in smtp.messages] == ["Salon Dana: a hot lead, Yael"]
    deferred = Notification.objects.filter(kind="handoff")
    assert deferred.count() == 2 and {n.status for n in deferred} == {"pending"}
    quiet_over = deferred[0].next_attempt_at
    assert quiet_over.astimezone(local.tzinfo).time() == end
    assert dt.timedelta(minutes=59) < quiet_over - now <= dt.timedelta(hours=1)

    run(redis_client, now=quiet_over - dt.timedelta(seconds=1))
    assert len(smtp.messages) == 1

    run(redis_client, now=quiet_over)
    assert len(smtp.messages) == 3
    assert {n.status for n in deferred.all()} == {"sent"}


def test_a_deferred_handoff_that_a_person_answered_meanwhile_is_not_sent(
    smtp, people, redis_client
):
    now = timezone.now()
    local = now.astimezone(zoneinfo.ZoneInfo("Asia/Jerusalem"))
    config_of(
        people.business,
        quiet_start=(local - dt.timedelta(hours=1)).time(),
        quiet_end=(local + dt.timedelta(hours=1)).time(),
    )
    conversation = hand_off(people)
    run(redis_client, now=now)
    factories.add_message(
        conversation,
        text="Hi Maya, Dana here: of course!",
        direction=Message.Direction.OUTBOUND,
        author=Message.Author.HUMAN,
    )

    run(redis_client, now=now + dt.timedelta(hours=2))

    assert smtp.messages == []
    assert {n.status for n in Notification.objects.all()} == {"skipped"}


# --- failures ---------------------------------------------------------------------------------


def test_a_failing_smtp_server_is_recorded_and_retried_with_backoff_while_slack_goes_out(
    smtp, people, slack, redis_client
):
    config_of(people.business, slack_webhook_url=slack.url + "/services/T1/B1/X1")
    smtp.refuse_with = "451 4.3.0 Mail server temporarily unavailable"
    hand_off(people)
    now = timezone.now()

    run(redis_client, now=now)

    assert len(slack.requests) == 1  # a failing channel blocks no other
    failed = Notification.objects.filter(channel="email")
    assert failed.count() == 2
    for row in failed:
        assert (row.status, row.attempts) == ("pending", 1)
        assert "451" in row.last_error
        assert row.next_attempt_at >= now + BACKOFF_BASE

    smtp.refuse_with = None
    run(redis_client, now=now + BACKOFF_BASE / 2)
    assert smtp.messages == []  # still backing off

    run(redis_client, now=timezone.now() + BACKOFF_BASE)
    assert recipients(smtp) == ["dana@salon.test", "noa@salon.test"]
    for row in failed.all():
        assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert len(slack.requests) == 1
    assert django_rq.get_queue("background").failed_job_registry.count == 0


def test_a_mail_server_that_stays_down_is_given_up_after_the_last_attempt(
    smtp, people, redis_client
):
    smtp.stop()
    NotificationPreference.objects.create(
        user=people.reviewer, business=people.business, email_kinds=[]
    )
    hand_off(people)

    now = timezone.now()
    for _ in range(MAX_ATTEMPTS + 2):
        run(redis_client, now=now)
        now += dt.timedelta(hours=2)

    row = Notification.objects.get()
    assert (row.status, row.attempts) == ("failed", MAX_ATTEMPTS)
    assert "unreachable" in row.last_error


def test_without_an_smtp_host_no_email_is_queued(settings, people, redis_client):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = ""
    hand_off(people)

    run(redis_client)

    assert not Notification.objects.exists()


def test_the_scheduled_job_runs_every_minute_on_the_background_queue(redis_client):
    scheduler = CronScheduler(connection=redis_client)
    scheduler.load_config_from_file("config.cron")

    (job,) = [j for j in scheduler.get_jobs() if j.name == "send-business-notifications"]
    assert (job.queue_name, job.interval) == ("background", 60)
    assert job.func is send_business_notifications


def test_a_member_without_an_email_address_is_skipped(smtp, people, redis_client):
    people.reviewer.email = ""
    people.reviewer.save(update_fields=["email"])
    Membership.objects.filter(user=people.reviewer).update(role=Membership.Role.OWNER)
    hand_off(people)

    run(redis_client)

    assert recipients(smtp) == ["dana@salon.test"]
