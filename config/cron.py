"""Periodic jobs, run by `python manage.py rqcron config.cron` (the Procfile's scheduler)."""

from rq import cron

from conversations.jobs import sweep_unanswered

# Anything the normal path left behind is picked up within about a minute.
cron.register(sweep_unanswered, queue_name="replies", interval=30, name="sweep-unanswered")
