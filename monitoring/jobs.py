"""RQ jobs of monitoring: thin, they take ids and call a service."""

from __future__ import annotations

from monitoring.services import alert_notify


def notify_alert(alert_id: int) -> bool:
    return alert_notify(alert_id=alert_id)
