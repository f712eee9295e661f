"""Notifications to the business: a person is told when something waits for a person.

Lower layers already record what happened: a handoff on the conversation, a held reply as a
pending review, a lead's score, an alert rule's alert. Like the alert rules, a scheduled job
(``monitoring.jobs.send_business_notifications``, every minute) reads those records and

1. creates one ``Notification`` row per event, recipient and channel (unique, so running it
   twice tells nobody twice), with its text and an absolute link to the page that resolves
   it, due now or at the end of the business's quiet hours;
2. claims every row that is due (new, deferred, or a failed one whose backoff is over) and
   enqueues one delivery job per row on the background queue, so a failing channel never
   holds up another.

Delivery (``notification_deliver``) re-checks that the event still waits for someone (a
handoff answered during the night is not worth an e-mail in the morning), sends, and keeps
the outcome on the row: sent, or the attempt count and the last error, retried with a
backoff until ``MAX_ATTEMPTS``. Nothing here runs on the reply path.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import django_rq
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from agents.models import DEFAULT_TIME_ZONE, Business, Membership
from conversations.models import Conversation, Lead, Message, Review
from conversations.services.delivery import within_service_window
from conversations.whatsapp.client import WhatsAppError, send_text
from monitoring.models import (
    EVENT_KINDS,
    Alert,
    Notification,
    NotificationKind,
    NotificationPreference,
    NotificationSettings,
)
from monitoring.notifiers import NotifierError, notify_slack, send_email

logger = logging.getLogger(__name__)

Kind = NotificationKind
Channel = Notification.Channel
Status = Notification.Status

# Events older than this are not announced: the first scan after a deploy (or after a member
# turns a kind on) must not mail out last month's history.
LOOKBACK = dt.timedelta(hours=24)
# 1, 2, 4 ... minutes between attempts, at most an hour; then the row is given up as failed.
BACKOFF_BASE = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(hours=1)
MAX_ATTEMPTS = 8
# A claimed row whose job never ran (a worker died, the job was lost) is claimed again.
CLAIM_TIMEOUT = dt.timedelta(minutes=5)
DISPATCH_BATCH = 500
QUOTE_CHARS = 300
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DELIVERY_JOB = "monitoring.jobs.deliver_notification"
SLACK_HOOKS = "https://hooks.slack.com/"


# --- settings ---------------------------------------------------------------------------------


def notification_settings_for(*, businesses: Iterable[Business]) -> dict[int, NotificationSettings]:
    """Each business's settings, created with the defaults the first time they are needed."""
    businesses = list(businesses)
    found = {
        s.business_id: s
        for s in NotificationSettings.objects.filter(business__in=businesses).select_related(
            "business"
        )
    }
    missing = [b for b in businesses if b.pk not in found]
    if missing:
        NotificationSettings.objects.bulk_create(
            [NotificationSettings(business=b) for b in missing], ignore_conflicts=True
        )
        for s in NotificationSettings.objects.filter(business__in=missing).select_related(
            "business"
        ):
            found[s.business_id] = s
    return found


def business_time_zone(business: Business) -> zoneinfo.ZoneInfo:
    name = business.time_zone or DEFAULT_TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        logger.warning("business %s has an unknown time zone %r", business.pk, name)
        return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)


def quiet_hours_end(*, config: NotificationSettings, now: dt.datetime) -> dt.datetime | None:
    """When the business's quiet hours end, if ``now`` is inside them; else None."""
    start, end = config.quiet_start, config.quiet_end
    if start is None or end is None or start == end:
        return None
    tz = business_time_zone(config.business)
    local = now.astimezone(tz)
    moment = local.time().replace(tzinfo=None)
    inside = start <= moment < end if start < end else moment >= start or moment < end
    if not inside:
        return None
    day = local.date() if moment < end else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, end, tzinfo=tz).astimezone(dt.UTC)


def email_is_configured() -> bool:
    """SMTP needs a host; any other backend (console, locmem, file) always works."""
    return settings.EMAIL_BACKEND != SMTP_BACKEND or bool(settings.EMAIL_HOST)


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def normalize_phone(raw: str) -> str:
    """A staff phone as WhatsApp's wa_id: international digits. '050-123 4567' is Israeli."""
    digits = re.sub(r"[\s\-().]", "", raw.strip())
    if digits.startswith("+"):
        digits = digits[1:]
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = "972" + digits[1:]
    if not digits.isdigit() or not 8 <= len(digits) <= 15:
        raise ValueError(raw)
    return digits


def notification_settings_update(
    *,
    config: NotificationSettings,
    owner_email_kinds: list[str],
    reviewer_email_kinds: list[str],
    slack_webhook_url: str,
    slack_kinds: list[str],
    whatsapp_number: str,
    whatsapp_kinds: list[str],
    waiting_minutes: int,
    quiet_start: dt.time | None,
    quiet_end: dt.time | None,
    urgent_kinds: list[str],
    language: str,
) -> NotificationSettings:
    """An owner's settings, checked here as well as by the form: bad input changes nothing."""
    for kinds in (owner_email_kinds, reviewer_email_kinds, slack_kinds, whatsapp_kinds):
        if not set(kinds) <= set(EVENT_KINDS):
            raise ValidationError(gettext("Unknown kind of notification."))
    if not 1 <= waiting_minutes <= 1440:
        raise ValidationError(gettext("The waiting time is between 1 and 1440 minutes."))
    if (quiet_start is None) != (quiet_end is None) or (
        quiet_start is not None and quiet_start == quiet_end
    ):
        raise ValidationError(gettext("Quiet hours need a start and a different end, or neither."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(gettext("Unknown language."))
    if slack_webhook_url and not (settings.DEBUG or slack_webhook_url.startswith(SLACK_HOOKS)):
        # The server POSTs to this address: outside development, only to Slack itself.
        raise ValidationError(
            gettext("A Slack incoming webhook starts with %(prefix)s") % {"prefix": SLACK_HOOKS}
        )
    config.owner_email_kinds = _in_order(owner_email_kinds)
    config.reviewer_email_kinds = _in_order(reviewer_email_kinds)
    config.slack_webhook_url = slack_webhook_url
    config.slack_kinds = _in_order(slack_kinds)
    config.whatsapp_number = normalize_phone(whatsapp_number) if whatsapp_number else ""
    config.whatsapp_kinds = _in_order(whatsapp_kinds)
    config.waiting_minutes = waiting_minutes
    config.quiet_start, config.quiet_end = quiet_start, quiet_end
    config.urgent_kinds = _in_order(urgent_kinds)
    config.language = language
    config.save()
    return config


def notification_preference_set(
    *, membership: Membership, email_kinds: list[str] | None, language: str
) -> NotificationPreference:
    """A member's own choice of e-mails (None: follow the role's default) and language."""
    if email_kinds is not None and not set(email_kinds) <= set(EVENT_KINDS):
        raise ValidationError(gettext("Unknown kind of notification."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(gettext("Unknown language."))
    preference, _ = NotificationPreference.objects.update_or_create(
        user_id=membership.user_id,
        business_id=membership.business_id,
        defaults={
            "email_kinds": None if email_kinds is None else _in_order(email_kinds),
            "language": language,
        },
    )
    return preference


def _in_order(kinds: Iterable[str]) -> list[str]:
    chosen = set(kinds)
    return [kind for kind in EVENT_KINDS if kind in chosen]


# --- events: read from what the lower layers recorded -----------------------------------------


@dataclass
class Event:
    """Something that waits for a person, as one business's members should hear of it."""

    kind: str
    key: str
    business: Business
    object_id: int
    link_path: str
    # What to say, per language: (subject, lines), rendered once for all its recipients.
    texts: dict[str, tuple[str, list[str]]] = field(default_factory=dict)


def _customer(conversation: Conversation) -> str:
    contact = conversation.contact
    if contact.profile_name and contact.wa_id:
        return f"{contact.profile_name} (+{contact.wa_id})"
    return contact.profile_name or (f"+{contact.wa_id}" if contact.wa_id else str(contact))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def _last_customer_text(conversation: Conversation) -> str:
    last = (
        Message.objects.filter(conversation=conversation, direction=Message.Direction.INBOUND)
        .order_by("-timestamp", "-id")
        .values_list("text", flat=True)
        .first()
    )
    return _quote(last or "")


def _person_replied_since(since_field: str) -> Exists:
    return Exists(
        Message.objects.by_people().filter(
            conversation=OuterRef("pk"), created_at__gte=OuterRef(since_field)
        )
    )


def _handoff_key(conversation: Conversation) -> str:
    return f"handoff:{conversation.pk}:{int(conversation.handed_off_at.timestamp())}"


def _handoffs_waiting(since: dt.datetime) -> QuerySet[Conversation]:
    return (
        Conversation.objects.real()
        .filter(handed_off_at__gte=since)
        .exclude(_person_replied_since("handed_off_at"))
        .select_related("business", "contact")
    )


def _reviews_pending(since: dt.datetime) -> QuerySet[Review]:
    return (
        Review.objects.pending()
        .filter(created_at__gte=since, message__conversation__is_sandbox=False)
        .select_related("business", "message__conversation__contact")
    )


def _hot_leads(since: dt.datetime) -> QuerySet[Lead]:
    return (
        Lead.objects.real()
        .filter(score=Lead.Score.HOT, updated_at__gte=since)
        .select_related("business", "conversation__contact")
    )


def _oldest_unanswered(*, now: dt.datetime, since: dt.datetime) -> QuerySet[Message]:
    """Customer messages with no reply for at least a minute (the shortest threshold),
    oldest first; each business's own threshold is applied by the caller."""
    return (
        Message.objects.real()
        .unanswered()
        .filter(timestamp__gte=since, timestamp__lte=now - dt.timedelta(minutes=1))
        .select_related("conversation__business", "conversation__contact")
        .order_by("timestamp", "id")
    )


def _metric_alerts(since: dt.datetime) -> QuerySet[Alert]:
    return Alert.objects.filter(
        kind=Alert.Kind.METRIC, business__isnull=False, created_at__gte=since
    ).select_related("business")


def events_waiting(
    *, now: dt.datetime, configs: dict[int, NotificationSettings] | None = None
) -> list[Event]:
    """Every event of the last day that still waits for someone (or, for leads and alerts,
    simply happened). ``configs`` gives each business's waiting threshold."""
    since = now - LOOKBACK
    events: list[Event] = []
    for conversation in _handoffs_waiting(since):
        events.append(
            Event(
                Kind.HANDOFF,
                _handoff_key(conversation),
                conversation.business,
                conversation.pk,
                reverse("conversations:inbox") + f"#inbox-{conversation.pk}",
            )
        )
    for review in _reviews_pending(since):
        events.append(
            Event(
                Kind.REVIEW,
                f"review:{review.pk}",
                review.business,
                review.pk,
                reverse("conversations:review_detail", args=[review.pk]),
            )
        )
    for lead in _hot_leads(since):
        events.append(
            Event(
                Kind.HOT_LEAD,
                f"hot_lead:{lead.pk}",
                lead.business,
                lead.pk,
                reverse("conversations:leads") + "?score=hot",
            )
        )
    seen: set[int] = set()
    for message in _oldest_unanswered(now=now, since=since):
        conversation = message.conversation
        if conversation.pk in seen:
            continue
        seen.add(conversation.pk)
        config = (configs or {}).get(conversation.business_id)
        minutes = config.waiting_minutes if config else 15
        if message.timestamp > now - dt.timedelta(minutes=minutes):
            continue
        events.append(
            Event(
                Kind.WAITING,
                f"waiting:{message.pk}",
                conversation.business,
                message.pk,
                reverse("conversations:detail", args=[conversation.pk]),
            )
        )
    for alert in _metric_alerts(since):
        events.append(
            Event(
                Kind.ALERT,
                f"alert:{alert.pk}",
                alert.business,
                alert.pk,
                reverse("alert_rules") + f"#rules-{alert.business_id}",
            )
        )
    return events


def event_is_open(*, kind: str, object_id: int | None, event_key: str) -> bool:
    """Still worth telling someone? Leads, alerts and tests always are; the rest only while
    nobody has dealt with them."""
    if kind == Kind.HANDOFF:
        conversation = Conversation.objects.filter(pk=object_id).first()
        return (
            conversation is not None
            and conversation.handed_off_at is not None
            and _handoff_key(conversation) == event_key
            and not conversation.messages.by_people()
            .filter(created_at__gte=conversation.handed_off_at)
            .exists()
        )
    if kind == Kind.REVIEW:
        return Review.objects.pending().filter(pk=object_id).exists()
    if kind == Kind.WAITING:
        return Message.objects.unanswered().filter(pk=object_id).exists()
    return True


# --- what each notification says --------------------------------------------------------------


def _texts(event: Event, *, minutes: int) -> tuple[str, list[str]]:
    """The subject and the body's lines, in the active language."""
    business = event.business.name
    if event.kind == Kind.HANDOFF:
        conversation = Conversation.objects.select_related("contact").get(pk=event.object_id)
        subject = gettext("%(business)s: %(customer)s is waiting for a person") % {
            "business": business,
            "customer": _customer(conversation),
        }
        lines = [
            gettext("A conversation was handed to a person and nobody has answered it yet."),
            gettext("Reason: %(reason)s") % {"reason": gettext(conversation.handoff_reason)}
            if conversation.handoff_reason
            else "",
            gettext("The customer wrote: %(text)s") % {"text": _last_customer_text(conversation)},
        ]
    elif event.kind == Kind.REVIEW:
        review = Review.objects.select_related("message__conversation__contact").get(
            pk=event.object_id
        )
        count = len(review.flags or [])
        subject = gettext("%(business)s: a reply to %(customer)s is held for review") % {
            "business": business,
            "customer": _customer(review.message.conversation),
        }
        lines = [
            ngettext(
                "The reply makes %(count)d claim the knowledge base does not support; it waits "
                "for a reviewer before it is sent.",
                "The reply makes %(count)d claims the knowledge base does not support; it waits "
                "for a reviewer before it is sent.",
                count,
            )
            % {"count": count},
            gettext("The held reply: %(text)s") % {"text": _quote(review.original_text)},
        ]
    elif event.kind == Kind.HOT_LEAD:
        lead = Lead.objects.select_related("conversation__contact").get(pk=event.object_id)
        who = lead.name or _customer(lead.conversation)
        subject = gettext("%(business)s: a hot lead, %(who)s") % {"business": business, "who": who}
        lines = [
            gettext("Name: %(value)s") % {"value": lead.name} if lead.name else "",
            gettext("Phone: %(value)s") % {"value": lead.phone} if lead.phone else "",
            gettext("E-mail: %(value)s") % {"value": lead.email} if lead.email else "",
            gettext("Needs: %(value)s") % {"value": _quote(lead.need)} if lead.need else "",
            gettext("When: %(value)s") % {"value": lead.timeline} if lead.timeline else "",
        ]
    elif event.kind == Kind.WAITING:
        message = Message.objects.select_related("conversation__contact").get(pk=event.object_id)
        subject = ngettext(
            "%(business)s: %(customer)s has waited over %(minutes)d minute for a reply",
            "%(business)s: %(customer)s has waited over %(minutes)d minutes for a reply",
            minutes,
        ) % {"business": business, "customer": _customer(message.conversation), "minutes": minutes}
        lines = [gettext("The customer wrote: %(text)s") % {"text": _quote(message.text)}]
    elif event.kind == Kind.ALERT:
        alert = Alert.objects.get(pk=event.object_id)
        # Alerts are stored in English (they also go to the operators' Slack).
        subject = gettext("%(business)s: an alert rule is out of range") % {"business": business}
        lines = [alert.title, alert.detail]
    else:
        subject = gettext("%(business)s: a test notification from Switchboard") % {
            "business": business
        }
        lines = [gettext("This is a test. Notifications from this business reach you here.")]
    return subject[:200], [line for line in lines if line]


def _email_body(*, lines: list[str], link: str, business: Business) -> str:
    settings_link = absolute_url(reverse("notification_settings_business", args=[business.pk]))
    return "\n".join(
        [
            *lines,
            "",
            gettext("Open it: %(link)s") % {"link": link},
            "",
            "-- ",
            gettext("Switchboard, for %(business)s. Choose which e-mails you get: %(link)s")
            % {"business": business.name, "link": settings_link},
            "",
        ]
    )


def _short_body(*, lines: list[str], link: str) -> str:
    # Slack shows the subject in bold above it, WhatsApp as the first line.
    return "\n".join([*lines[:2], link])


# --- creating the rows ------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    channel: str
    recipient_key: str
    language: str
    user_id: int | None = None
    address: str = ""


def _members_by_business(business_ids: set[int]) -> dict[int, list[Membership]]:
    members: dict[int, list[Membership]] = defaultdict(list)
    for membership in Membership.objects.filter(business_id__in=business_ids).select_related(
        "user"
    ):
        members[membership.business_id].append(membership)
    return members


def _preferences(business_ids: set[int]) -> dict[tuple[int, int], NotificationPreference]:
    return {
        (p.user_id, p.business_id): p
        for p in NotificationPreference.objects.filter(business_id__in=business_ids)
    }


def email_kinds_for(
    *,
    membership: Membership,
    config: NotificationSettings,
    preference: NotificationPreference | None,
) -> list[str]:
    """A member's own choice when they made one, else their role's default."""
    if preference is not None and preference.email_kinds is not None:
        return list(preference.email_kinds)
    if membership.role == Membership.Role.OWNER:
        return list(config.owner_email_kinds)
    return list(config.reviewer_email_kinds)


def _targets(
    *,
    kind: str,
    config: NotificationSettings,
    members: list[Membership],
    preferences: dict[tuple[int, int], NotificationPreference],
) -> list[Target]:
    targets = []
    if email_is_configured():
        for membership in members:
            user = membership.user
            if not user.is_active or not user.email:
                continue
            preference = preferences.get((user.pk, config.business_id))
            if kind not in email_kinds_for(
                membership=membership, config=config, preference=preference
            ):
                continue
            targets.append(
                Target(
                    Channel.EMAIL,
                    f"user:{user.pk}",
                    preference.language if preference else "en",
                    user_id=user.pk,
                    address=user.email,
                )
            )
    if config.slack_webhook_url and kind in config.slack_kinds:
        targets.append(Target(Channel.SLACK, "slack", config.language))
    if config.whatsapp_number and kind in config.whatsapp_kinds:
        targets.append(
            Target(
                Channel.WHATSAPP,
                f"whatsapp:{config.whatsapp_number}",
                config.language,
                address=config.whatsapp_number,
            )
        )
    return targets


def _row(
    *, event: Event, target: Target, config: NotificationSettings, due: dt.datetime
) -> Notification:
    link = absolute_url(event.link_path)
    with translation.override(target.language):
        if target.language not in event.texts:
            event.texts[target.language] = _texts(event, minutes=config.waiting_minutes)
        subject, lines = event.texts[target.language]
        if target.channel == Channel.EMAIL:
            body = _email_body(lines=lines, link=link, business=event.business)
        else:
            body = _short_body(lines=lines, link=link)
    return Notification(
        business=event.business,
        kind=event.kind,
        event_key=event.key,
        object_id=event.object_id,
        channel=target.channel,
        recipient_key=target.recipient_key,
        user_id=target.user_id,
        address=target.address,
        language=target.language,
        subject=subject,
        body=body,
        link=link,
        next_attempt_at=due,
    )


def notifications_create(*, now: dt.datetime | None = None) -> list[Notification]:
    """Create a row for every event and recipient not told yet. Safe to run at any time."""
    now = now or timezone.now()
    businesses = {b.pk: b for b in Business.objects.all()}
    configs = notification_settings_for(businesses=businesses.values())
    events = events_waiting(now=now, configs=configs)
    if not events:
        return []
    business_ids = {e.business.pk for e in events}
    members = _members_by_business(business_ids)
    preferences = _preferences(business_ids)
    told = set(
        Notification.objects.filter(event_key__in=[e.key for e in events]).values_list(
            "event_key", "channel", "recipient_key"
        )
    )
    rows = []
    for event in events:
        config = configs[event.business.pk]
        # Urgent kinds go out at once; the rest wait for the end of the quiet hours.
        due = now
        if event.kind not in config.urgent_kinds:
            due = quiet_hours_end(config=config, now=now) or now
        for target in _targets(
            kind=event.kind,
            config=config,
            members=members[event.business.pk],
            preferences=preferences,
        ):
            if (event.key, target.channel, target.recipient_key) in told:
                continue
            rows.append(_row(event=event, target=target, config=config, due=due))
    # ignore_conflicts: two scans at once create each row once.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


# --- dispatching and delivering ---------------------------------------------------------------


def notifications_claim_due(*, now: dt.datetime | None = None) -> list[int]:
    """Claim every row that may be sent now; each claim is a conditional UPDATE, so two
    schedulers never enqueue the same row twice."""
    now = now or timezone.now()
    stale = now - CLAIM_TIMEOUT
    due = Q(status=Status.PENDING, next_attempt_at__lte=now) | Q(
        status=Status.SENDING, claimed_at__lt=stale
    )
    claimed = []
    for pk in (
        Notification.objects.filter(due)
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:DISPATCH_BATCH]
    ):
        if Notification.objects.filter(due, pk=pk).update(status=Status.SENDING, claimed_at=now):
            claimed.append(pk)
    return claimed


def notifications_dispatch(*, now: dt.datetime | None = None) -> int:
    """The scheduled job's work: create what is new, enqueue a delivery job per due row."""
    now = now or timezone.now()
    notifications_create(now=now)
    claimed = notifications_claim_due(now=now)
    if claimed:
        # "auto": the rows are committed already; a claim whose job is lost is re-claimed.
        # The job by name: monitoring.jobs imports this module.
        queue = django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto")
        for pk in claimed:
            queue.enqueue(DELIVERY_JOB, pk)
    return len(claimed)


class Skip(Exception):
    """This notification cannot be sent and will not be tried again (the reason says why)."""


def _backoff(attempts: int) -> dt.timedelta:
    return min(BACKOFF_BASE * 2 ** (attempts - 1), BACKOFF_MAX)


def _send(notification: Notification) -> None:
    if notification.channel == Channel.EMAIL:
        send_email(to=notification.address, subject=notification.subject, body=notification.body)
    elif notification.channel == Channel.SLACK:
        config = notification_settings_for(businesses=[notification.business])[
            notification.business_id
        ]
        if not config.slack_webhook_url:
            raise Skip("the business has no Slack webhook any more")
        text = f"*{notification.subject}*\n{notification.body}"
        notify_slack(text=text, url=config.slack_webhook_url)
    elif notification.channel == Channel.WHATSAPP:
        _send_whatsapp(notification)
    else:
        raise Skip(f"unknown channel {notification.channel!r}")


def _send_whatsapp(notification: Notification) -> None:
    conversation = (
        Conversation.objects.filter(
            business=notification.business,
            contact__wa_id=notification.address,
            is_sandbox=False,
            last_inbound_at__isnull=False,
        )
        .select_related("agent")
        .order_by(F("last_inbound_at").desc())
        .first()
    )
    if conversation is None or not within_service_window(conversation):
        raise Skip(
            "outside WhatsApp's 24-hour window: the staff phone has not written to the "
            "business's number in the last 24 hours"
        )
    try:
        send_text(
            phone_number_id=conversation.agent.phone_number_id,
            to=notification.address,
            body=f"*{notification.subject}*\n{notification.body}",
            attempts=1,
        )
    except WhatsAppError as error:
        if not error.retryable and error.status is not None and 400 <= error.status < 500:
            raise Skip(f"WhatsApp refused it: {error}") from error
        raise NotifierError(str(error)) from error


def notification_deliver(*, notification_id: int, now: dt.datetime | None = None) -> bool:
    """Send one claimed notification and record the outcome. True once it is sent.

    Never raises: a failure is kept on the row and retried by the scheduled job.
    """
    notification = (
        Notification.objects.select_related("business")
        .filter(pk=notification_id, status=Status.SENDING)
        .first()
    )
    if notification is None:
        return False  # sent already, given up, or re-scheduled meanwhile
    if not event_is_open(
        kind=notification.kind,
        object_id=notification.object_id,
        event_key=notification.event_key,
    ):
        return _finish(notification, Status.SKIPPED, "dealt with before it was sent")
    try:
        _send(notification)
    except Skip as reason:
        return _finish(notification, Status.SKIPPED, str(reason))
    except Exception as error:
        # A bug as much as an outage: either way it is kept on the row, not raised.
        if not isinstance(error, NotifierError):
            logger.exception("notification %s failed", notification.pk)
        return _retry_later(notification, error, now=now or timezone.now())
    notification.status = Status.SENT
    notification.sent_at = timezone.now()
    notification.attempts += 1
    notification.last_error = ""
    notification.save(update_fields=["status", "sent_at", "attempts", "last_error"])
    return True


def _finish(notification: Notification, status: str, reason: str) -> bool:
    notification.status = status
    notification.last_error = reason[:300]
    notification.save(update_fields=["status", "last_error"])
    return False


def _retry_later(notification: Notification, error: Exception, *, now: dt.datetime) -> bool:
    notification.attempts += 1
    notification.last_error = (str(error) or type(error).__name__)[:300]
    # A test is answered on the page at once; retrying it later would tell nobody anything.
    if notification.attempts >= MAX_ATTEMPTS or notification.kind == Kind.TEST:
        notification.status = Status.FAILED
    else:
        notification.status = Status.PENDING
        notification.next_attempt_at = now + _backoff(notification.attempts)
    logger.warning(
        "notification %s (%s to %s) failed, attempt %s: %s",
        notification.pk,
        notification.channel,
        notification.recipient_key,
        notification.attempts,
        notification.last_error,
    )
    notification.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    return False


# --- the test button --------------------------------------------------------------------------


@dataclass(frozen=True)
class TestResult:
    channel: str
    recipient: str
    sent: bool
    detail: str


def notification_send_test(*, business: Business, user) -> list[TestResult]:
    """Send a test notification now, to the person who asked (by e-mail) and to the
    business's Slack and WhatsApp, and say what happened on each. Recorded like any other."""
    config = notification_settings_for(businesses=[business])[business.pk]
    preference = NotificationPreference.objects.filter(user=user, business=business).first()
    language = preference.language if preference else translation.get_language() or "en"
    targets = []
    if user.email and email_is_configured():
        targets.append(
            Target(Channel.EMAIL, f"user:{user.pk}", language, user_id=user.pk, address=user.email)
        )
    if config.slack_webhook_url:
        targets.append(Target(Channel.SLACK, "slack", config.language))
    if config.whatsapp_number:
        targets.append(
            Target(
                Channel.WHATSAPP,
                f"whatsapp:{config.whatsapp_number}",
                config.language,
                address=config.whatsapp_number,
            )
        )
    event = Event(
        Kind.TEST,
        f"test:{uuid.uuid4().hex}",
        business,
        0,
        reverse("notification_settings_business", args=[business.pk]),
    )
    now = timezone.now()
    results = []
    for target in targets:
        row = _row(event=event, target=target, config=config, due=now)
        row.status, row.claimed_at = Status.SENDING, now
        try:
            row.save()
        except IntegrityError:  # pragma: no cover - a fresh uuid each time
            continue
        sent = notification_deliver(notification_id=row.pk)
        row.refresh_from_db()
        results.append(
            TestResult(
                target.channel,
                target.address if target.channel != Channel.SLACK else "Slack",
                sent,
                row.last_error,
            )
        )
    return results


def notification_list_recent(*, business: Business, limit: int = 20) -> QuerySet[Notification]:
    return Notification.objects.filter(business=business).select_related("user")[:limit]
