"""The notifications page: owners edit, reviewers read and choose their own e-mails,
outsiders get a 404; the test button sends for real (SMTP, Slack stub) and shows the result."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from monitoring.models import Notification, NotificationPreference, NotificationSettings
from monitoring.notifications import notification_settings_for
from tests.stubs import HttpStub, SmtpStub

pytestmark = pytest.mark.django_db

VALID = {
    "owner_email_kinds": ["handoff", "review", "hot_lead"],
    "reviewer_email_kinds": ["review"],
    "slack_webhook_url": "https://hooks.slack.com/services/T1/B1/X1",
    "slack_kinds": ["alert"],
    "whatsapp_number": "054-111 2233",
    "whatsapp_kinds": ["handoff"],
    "waiting_minutes": "20",
    "quiet_start": "22:00",
    "quiet_end": "07:30",
    "urgent_kinds": ["hot_lead", "handoff"],
    "language": "he",
}


@pytest.fixture
def smtp(settings):
    stub = SmtpStub()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", stub.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = "http://switchboard.test"
    yield stub
    stub.stop()


def page(business) -> str:
    return reverse("notification_settings_business", args=[business.pk])


def config(business) -> NotificationSettings:
    return notification_settings_for(businesses=[business])[business.pk]


def test_an_owner_sees_the_settings_as_a_form_they_can_save(client, tenant):
    client.force_login(tenant.owner)
    html = client.get(reverse("notification_settings")).content.decode()
    assert "Salon Dana" in html
    assert 'name="slack_webhook_url"' in html
    assert " disabled>" not in html
    assert "Send a test notification" in html


def test_an_owner_saves_who_gets_what_quiet_hours_and_the_staff_number(client, tenant):
    client.force_login(tenant.owner)
    response = client.post(
        reverse("notification_settings_edit", args=[tenant.business.pk]), VALID, follow=True
    )

    assert "notification settings saved" in response.content.decode()
    saved = config(tenant.business)
    assert saved.owner_email_kinds == ["handoff", "review", "hot_lead"]
    assert saved.reviewer_email_kinds == ["review"]
    assert saved.whatsapp_number == "972541112233"
    assert saved.waiting_minutes == 20
    assert (saved.quiet_start, saved.quiet_end) == (dt.time(22, 0), dt.time(7, 30))
    assert saved.urgent_kinds == ["handoff", "hot_lead"]
    assert saved.language == "he"


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("whatsapp_number", "call me", "country code"),
        ("waiting_minutes", "0", "greater than or equal to 1"),
        ("quiet_end", "", "both a start and an end"),
        ("slack_webhook_url", "not a url", "Enter a valid URL"),
        ("owner_email_kinds", ["handoff", "everything"], "Select a valid choice"),
    ],
)
def test_bad_settings_are_refused_with_the_reason_and_change_nothing(
    client, tenant, field, value, problem
):
    before = config(tenant.business)
    client.force_login(tenant.owner)
    response = client.post(
        reverse("notification_settings_edit", args=[tenant.business.pk]),
        {**VALID, field: value},
        follow=True,
    )

    assert problem in response.content.decode()
    after = config(tenant.business)
    assert (after.whatsapp_number, after.waiting_minutes, after.quiet_start) == (
        before.whatsapp_number,
        before.waiting_minutes,
        before.quiet_start,
    )


def test_a_reviewer_reads_the_settings_but_cannot_change_them(client, tenant):
    client.force_login(tenant.reviewer)
    html = client.get(page(tenant.business)).content.decode()
    assert 'style="min-width:0;border:0;padding:0;margin:0" disabled>' in html
    assert "Send a test notification" not in html

    edit = client.post(reverse("notification_settings_edit", args=[tenant.business.pk]), VALID)
    test = client.post(reverse("notification_test", args=[tenant.business.pk]))

    assert (edit.status_code, test.status_code) == (403, 403)
    assert config(tenant.business).waiting_minutes == 15


def test_a_reviewer_turns_off_kinds_of_their_own_emails_and_back_to_the_role_default(
    client, tenant
):
    client.force_login(tenant.reviewer)
    url = reverse("notification_preference_edit", args=[tenant.business.pk])

    client.post(url, {"email_kinds": ["handoff"], "language": "he"})
    preference = NotificationPreference.objects.get(user=tenant.reviewer)
    assert (preference.email_kinds, preference.language) == (["handoff"], "he")

    client.post(url, {"follow_role": "on", "email_kinds": ["handoff"], "language": "en"})
    preference.refresh_from_db()
    assert preference.email_kinds is None


def test_an_outsider_gets_a_404_for_another_business_everywhere(client, tenant, outsider):
    client.force_login(outsider)
    business = tenant.business
    assert client.get(page(business)).status_code == 404
    for name in ("notification_settings_edit", "notification_preference_edit", "notification_test"):
        assert client.post(reverse(name, args=[business.pk]), VALID).status_code == 404
    assert "Salon Dana" not in client.get(reverse("notification_settings")).content.decode()
    assert not NotificationSettings.objects.filter(business=business, waiting_minutes=20).exists()


@pytest.mark.redis
def test_the_test_button_sends_an_email_and_a_slack_message_and_shows_each_result(
    client, tenant, smtp
):
    slack = HttpStub(default=lambda: (200, "ok"))
    saved = config(tenant.business)
    saved.slack_webhook_url = slack.url + "/services/T1/B1/X1"
    saved.whatsapp_number = "972541112233"  # the staff phone never wrote: no window open
    saved.save()
    tenant.owner.email = "dana@salon.test"
    tenant.owner.save(update_fields=["email"])
    client.force_login(tenant.owner)
    try:
        response = client.post(reverse("notification_test", args=[tenant.business.pk]), follow=True)
    finally:
        slack.shutdown()

    html = response.content.decode()
    assert "Test sent by E-mail to dana@salon.test." in html
    assert "Test sent by Slack to Slack." in html
    assert (
        "Test by WhatsApp to 972541112233 not sent: outside WhatsApp&#x27;s 24-hour window" in html
    )
    (mail,) = smtp.messages
    assert mail["Subject"] == "Salon Dana: a test notification from Switchboard"
    assert f"http://switchboard.test{page(tenant.business)}" in mail.get_content()
    assert slack.requests[0].body["text"].startswith("*Salon Dana: a test notification")
    assert Notification.objects.filter(kind="test").count() == 3
    assert "a test notification from Switchboard" in html  # the log of recent notifications


def test_a_failed_test_is_shown_and_not_retried_later(client, tenant, smtp):
    smtp.refuse_with = "554 5.7.1 Relaying denied"
    tenant.owner.email = "dana@salon.test"
    tenant.owner.save(update_fields=["email"])
    client.force_login(tenant.owner)

    html = client.post(
        reverse("notification_test", args=[tenant.business.pk]), follow=True
    ).content.decode()

    assert "Test by E-mail to dana@salon.test not sent" in html
    assert "Relaying denied" in html
    assert Notification.objects.get().status == "failed"


def test_the_page_speaks_hebrew(client, tenant):
    client.force_login(tenant.owner)
    html = client.get(page(tenant.business), HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert "התראות" in html
    assert "Who gets what" not in html


def test_outside_development_the_slack_webhook_must_be_slacks_own(client, tenant, settings):
    settings.DEBUG = False  # the server would POST to any address an owner typed
    client.force_login(tenant.owner)
    client.post(
        reverse("notification_settings_edit", args=[tenant.business.pk]),
        {**VALID, "slack_webhook_url": "http://10.0.0.5/hook"},
    )
    assert config(tenant.business).slack_webhook_url == ""

    settings.DEBUG = True
    html = client.get(page(tenant.business)).content.decode()
    assert "A Slack incoming webhook starts with https://hooks.slack.com/" in html
