"""Which model answers: the biggest cost lever, decided by rules an owner can edit per agent."""

from __future__ import annotations

from agents.models import Agent, LlmCall


def model_for(
    *, agent: Agent, purpose: str, conversation_messages: int = 0, priority_customer: bool = False
) -> str:
    if purpose == LlmCall.Purpose.REVIEW:
        return agent.hot_lead_review_model
    if purpose != LlmCall.Purpose.REPLY:
        # Background work (summaries, extraction, probes, judging) is the cheap model's job.
        return agent.reply_model
    if priority_customer or conversation_messages > agent.long_conversation_messages:
        return agent.escalated_model
    return agent.reply_model
