from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Alerts follow the events the lower layers record (monitoring.receivers)."""
        from agents.ladder import mode_transition_recorded
        from conversations.services.delivery import send_failed
        from monitoring.receivers import alert_for_mode_transition, alert_for_send_failed

        mode_transition_recorded.connect(
            alert_for_mode_transition, dispatch_uid="monitoring.alert_for_mode_transition"
        )
        send_failed.connect(alert_for_send_failed, dispatch_uid="monitoring.alert_for_send_failed")
