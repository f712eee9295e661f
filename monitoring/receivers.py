"""Alerts raised from what the lower layers record.

agents stores each automatic mode transition and sends ``mode_transition_recorded``;
conversations stores each failed send and sends ``send_failed``. The alert (its title and
severity) is monitoring's business, so it is decided here. Connected in
``MonitoringConfig.ready``. The receivers run where the alert was written before: the mode
transition's inside the ladder's savepoint (if it fails, the transition is not stored either
and the ladder logs it), the failed send's right after the message is saved.
"""

from __future__ import annotations

from typing import Any

from agents.ladder import mode_english_name
from agents.models import Agent, Mode, ModeTransition
from conversations.models import Message
from monitoring.models import Alert
from monitoring.services import alert_raise


def alert_for_mode_transition(
    *,
    agent: Agent,
    transition: ModeTransition,
    reason: str,
    recovered: bool,
    pin: Mode | None,
    spend_limit: bool,
    **_: Any,
) -> None:
    """Raise the degraded/recovered alert of one stored mode transition."""
    to_mode = Mode(transition.to_mode)
    title = (
        f"{agent.name} recovered to {mode_english_name(to_mode)}"
        if recovered
        else f"{agent.name} degraded to {mode_english_name(to_mode)}"
    )
    if pin is not None:
        severity = Alert.Severity.INFO
        title = f"{title} (pinned to {mode_english_name(pin)})"
    elif recovered:
        severity = Alert.Severity.INFO
    elif to_mode == Mode.HUMAN_ONLY or spend_limit:
        severity = Alert.Severity.CRITICAL
    else:
        severity = Alert.Severity.WARNING
    alert_raise(
        kind=Alert.Kind.RECOVERED if recovered else Alert.Kind.DEGRADED,
        severity=severity,
        title=title,
        detail=reason,
        business=agent.business,
        agent=agent,
    )


def alert_for_send_failed(*, message: Message, code: str, title: str, **_: Any) -> None:
    """Raise the "send failed" alert of one message stored as failed."""
    conversation = message.conversation
    alert_raise(
        kind=Alert.Kind.SEND_FAILED,
        severity=Alert.Severity.WARNING,
        title=f"A reply to {conversation.contact} could not be sent ({code})",
        detail=f"{title}\nConversation {conversation.pk}, message {message.pk}.",
        agent=conversation.agent,
    )
