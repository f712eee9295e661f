"""The optional LLM judge: a second opinion on claims the deterministic rules flagged.

Off by default (``Agent.grounding_judge``). The rules are fast and strict; a paraphrase they
cannot parse ("a quarter to seven in the evening") is flagged although the knowledge base
supports it. When the judge is on, the flagged claims (only those: the judge never adds
flags) go to the cheap model through the gateway, budgeted and in the ledger, and the ones it
calls supported are dropped. If the judge cannot answer, every flag stands: a failure never
lets an unsupported claim through.
"""

from __future__ import annotations

import logging
import re

from agents.grounding.validator import Flag
from agents.llm.client import LlmUnavailable
from agents.llm.gateway import BudgetExhausted, llm_call
from agents.models import LlmCall

logger = logging.getLogger(__name__)

JUDGE_SYSTEM = """\
<grounding_judge>
You check a customer-service reply against a business's knowledge base. For each numbered \
claim taken from the reply, decide whether the knowledge base supports it: the same fact, \
possibly worded differently (another currency notation, 12- or 24-hour time, number words). \
A claim the knowledge base does not state is UNSUPPORTED, however plausible.
Answer one line per claim and nothing else: `<number>: SUPPORTED` or `<number>: UNSUPPORTED`."""

_VERDICT = re.compile(r"^\s*(\d+)\s*:\s*(SUPPORTED|UNSUPPORTED)\b", re.MULTILINE | re.IGNORECASE)
# A judge is a quick second opinion on the reply path: it must not hold a customer up.
JUDGE_MAX_WAIT_SECONDS = 5


def judge_flags(
    *,
    flags: list[Flag],
    reply: str,
    knowledge_base: str,
    model: str,
    agent_id: int | None = None,
    conversation_id: int | None = None,
) -> list[Flag]:
    """The flags the judge does not overturn."""
    if not flags:
        return flags
    claims = "\n".join(f"{n}. {flag.claim} ({flag.kind})" for n, flag in enumerate(flags, 1))
    question = (
        f"<knowledge_base>\n{knowledge_base}\n</knowledge_base>\n"
        f"<reply>\n{reply}\n</reply>\n<claims>\n{claims}\n</claims>"
    )
    try:
        response = llm_call(
            purpose=LlmCall.Purpose.JUDGE,
            model=model,
            system=JUDGE_SYSTEM,
            messages=[{"role": "user", "content": question}],
            max_tokens=20 + 10 * len(flags),
            agent_id=agent_id,
            conversation_id=conversation_id,
            max_wait=JUDGE_MAX_WAIT_SECONDS,
            max_attempts=1,
        )
    except (LlmUnavailable, BudgetExhausted) as error:
        logger.info("grounding judge unavailable (%s): keeping %s flags", error, len(flags))
        return flags
    supported = {
        int(number)
        for number, verdict in _VERDICT.findall(response.text)
        if verdict.upper() == "SUPPORTED"
    }
    return [flag for n, flag in enumerate(flags, 1) if n not in supported]
