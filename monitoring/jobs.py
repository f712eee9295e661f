"""RQ jobs of monitoring: thin, they take ids and call a service."""

from __future__ import annotations

from monitoring.alert_rules import alert_rules_evaluate
from monitoring.notifications import notification_deliver, notifications_dispatch
from monitoring.services import alert_notify


def notify_alert(alert_id: int) -> bool:
    return alert_notify(alert_id=alert_id)


def evaluate_alert_rules() -> int:
    """Scheduled (config/cron.py): measure every business's alert rules; alerts raised."""
    return len(alert_rules_evaluate())


def send_business_notifications() -> int:
    """Scheduled (config/cron.py): tell businesses what waits for them; deliveries enqueued."""
    return notifications_dispatch()


def deliver_notification(notification_id: int) -> bool:
    return notification_deliver(notification_id=notification_id)
