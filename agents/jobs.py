"""RQ jobs of agents: thin, they take ids and call a service. Queue names live in settings."""

from __future__ import annotations

import django_rq
from django.conf import settings

from agents.ladder import ladder_probe, ladder_probes_claim


def probe_degraded_agents() -> list[int]:
    """Cron, every 15 s: claim the degraded agents whose probe is due, one job each.

    Fanned out so that one probe stuck on a hanging upstream holds up no other agent's,
    and on the background queue so that probes never hold a worker a reply is waiting for.
    """
    agent_ids = ladder_probes_claim()
    queue = django_rq.get_queue(settings.BACKGROUND_QUEUE, commit_mode="auto")
    for agent_id in agent_ids:
        # At the front: a probe must not wait behind the background backlog an outage builds.
        queue.enqueue(probe_agent, agent_id, at_front=True)
    return agent_ids


def probe_agent(agent_id: int) -> str:
    return ladder_probe(agent_id=agent_id).status
