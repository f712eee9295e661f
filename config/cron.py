"""Periodic jobs, run by `python manage.py rqcron config.cron` (the Procfile's scheduler)."""

from rq import cron

from agents.jobs import probe_degraded_agents
from conversations.jobs import sweep_unanswered
from monitoring.jobs import evaluate_alert_rules, send_business_notifications

# Anything the normal path left behind is picked up within about a minute.
cron.register(sweep_unanswered, queue_name="replies", interval=30, name="sweep-unanswered")
# A degraded agent's replies no longer call the LLM; these probes are how it finds out the LLM
# is back. Each agent's own backoff (15 s doubling to 5 min) decides which are due; checking
# every 5 s (one Redis call) keeps a due probe from slipping a whole interval.
cron.register(probe_degraded_agents, queue_name="replies", interval=5, name="probe-degraded-agents")
# Business metrics against each business's alert rules: a few aggregate queries a minute.
cron.register(
    evaluate_alert_rules, queue_name="background", interval=60, name="evaluate-alert-rules"
)
# Handoffs, held replies, hot leads, customers left waiting and metric alerts, told to each
# business's people by e-mail, Slack and WhatsApp: one row per event and recipient, then a
# delivery job each.
cron.register(
    send_business_notifications,
    queue_name="background",
    interval=60,
    name="send-business-notifications",
)
