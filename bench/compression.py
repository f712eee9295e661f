"""What rolling summaries save: one scripted 50-message conversation, with and without.

Runs the real reply path (prompt, memory, gateway, ledger) against the Messages-API
simulator over HTTP, on a throwaway SQLite database and a scratch Redis database, twice:

- baseline: every earlier message goes to the model verbatim with every request;
- compressed: the agent's last 6 messages verbatim, older ones folded into a rolling
  summary by the cheap model (its calls are counted too).

Prints input tokens per reply request, totals (summariser included) and the ratio, from
the LLM-call ledger. Target (issue 4): at least 65% fewer input tokens over the conversation.

    python bench/compression.py [--redis-url redis://127.0.0.1:6379/11]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# A salon customer asking around, booking and changing their mind: 25 customer messages.
SCRIPT = [
    "Hi! I found you on Instagram. I'm looking for a place for a haircut and maybe colour.",
    "How much is a women's haircut with you? Does that include a wash and blow-dry?",
    "And how long does a haircut take? I'm usually in a hurry in the mornings.",
    "What about colouring, how much is it and how long does it take?",
    "Are you open on Fridays? I work Sunday to Thursday until late.",
    "What time do you close on Friday?",
    "Do you have parking nearby? I'll come by car from Ramat Gan.",
    "Where exactly are you? Is it the Herzl Street place near the market?",
    "OK. My name is Maya Cohen by the way, my number is 050-1234567.",
    "I'd like the haircut and colour together, is that possible on the same day?",
    "How much would it be for both together?",
    "Do you do a discount for first-time customers?",
    "And for students? I'm studying at Tel Aviv University.",
    "What products do you use for colouring? I have a sensitive scalp.",
    "Can I book for this Friday morning, around 9?",
    "Actually Friday might be hard, what about Thursday evening?",
    "Until what time are you open on Thursday?",
    "OK let's say Thursday at 16:00 for the haircut and colour.",
    "Do I need to pay a deposit to book?",
    "Can I pay by card or only cash?",
    "If I need to cancel, how much notice do you need?",
    "Great. Can my sister come too? She wants a men's haircut for her son.",
    "How much is a men's haircut? He's 12, is there a kids' price?",
    "Perfect, so two bookings on Thursday at 16:00. Please confirm.",
    "Thanks a lot, see you Thursday!",
]

KNOWLEDGE_BASE = """\
Salon Dana, 12 Herzl Street, Tel Aviv, next to the Carmel Market. Paid parking at the Herzl \
car park, 2 minutes' walk.
Opening hours: Sunday to Thursday 09:00-19:00, Friday 08:00-14:00, closed on Saturday.
Women's haircut (wash, cut and blow-dry): ₪180, about 45 minutes.
Men's haircut: ₪90, about 30 minutes. Children under 12: ₪70.
Hair colouring: from ₪350, about 2 hours. We use ammonia-free colours by Davines.
Payment by card, cash or Bit. No deposit needed to book.
Cancellations: please tell us at least 24 hours before.
Book by replying here or by phone at 03-555-1234.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="switchboard-bench-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "REDIS_URL": args.redis_url,
            "WHATSAPP_ACCESS_TOKEN": "",
            "REPLY_DEBOUNCE_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()
    import redis
    from django.conf import settings
    from django.core.management import call_command

    from agents.llm.simulator import serve

    scratch = redis.Redis.from_url(args.redis_url)
    if scratch.connection_pool.connection_kwargs.get("db", 0) == 0:
        sys.exit("refusing to flush Redis database 0: pass --redis-url with a scratch database")
    call_command("migrate", verbosity=0)
    server = serve(port=0)
    settings.ANTHROPIC_API_KEY = "bench"
    settings.ANTHROPIC_BASE_URL = server.base_url
    try:
        baseline = run(compressed=False, scratch=scratch)
        compressed = run(compressed=True, scratch=scratch)
    finally:
        server.shutdown()
        scratch.flushdb()
    report(baseline, compressed)
    return 0


def run(*, compressed: bool, scratch) -> dict:
    from django.conf import settings

    from agents.models import LlmCall
    from conversations.models import Message
    from conversations.services.memory import (
        conversation_summary_refresh,
        summary_refresh_due,
    )
    from conversations.services.reply import conversation_reply
    from tests import factories

    scratch.flushdb()
    business = factories.make_business(name="Salon Dana", knowledge_base=KNOWLEDGE_BASE)
    agent = factories.make_agent(business=business)
    factories.make_prompt_version()
    if compressed:
        agent.verbatim_messages = 6
        settings.REPLY_MAX_VERBATIM_MESSAGES = 40
    else:
        # Everything verbatim, every time: no summary ever falls due.
        agent.verbatim_messages = 10_000
        settings.REPLY_MAX_VERBATIM_MESSAGES = 10_000
    agent.save(update_fields=["verbatim_messages"])
    conversation = factories.make_conversation(agent=agent, name="Maya Cohen")
    for text in SCRIPT:
        factories.add_message(conversation, text=text, needs_reply=True)
        outcome = conversation_reply(conversation_id=conversation.pk)
        assert outcome.status == "answered", outcome
        conversation.refresh_from_db()
        if summary_refresh_due(conversation=conversation):
            # what the background worker does after the reply
            conversation_summary_refresh(conversation_id=conversation.pk)
    assert conversation.messages.count() == 2 * len(SCRIPT)
    assert not conversation.messages.filter(author=Message.Author.FALLBACK).exists()
    calls = LlmCall.objects.filter(conversation=conversation).order_by("id")
    replies = [_input(c) for c in calls if c.purpose == LlmCall.Purpose.REPLY]
    summaries = [c for c in calls if c.purpose == LlmCall.Purpose.SUMMARY]
    return {
        "replies": replies,
        "summary_calls": len(summaries),
        "summary_input": sum(_input(c) for c in summaries),
        "summary_output": sum(c.output_tokens for c in summaries),
        "system_tokens": replies[0] if replies else 0,
    }


def _input(call) -> int:
    # Everything the model read: uncached, cache writes and cache reads.
    return call.input_tokens + call.cache_creation_input_tokens + call.cache_read_input_tokens


def report(baseline: dict, compressed: dict) -> None:
    print("input tokens per reply request (message 1..25)")
    print(f"  baseline:   {' '.join(str(n) for n in baseline['replies'])}")
    print(f"  compressed: {' '.join(str(n) for n in compressed['replies'])}")
    base_total = sum(baseline["replies"])
    comp_replies = sum(compressed["replies"])
    comp_total = comp_replies + compressed["summary_input"]
    print(f"baseline:   reply input={base_total}")
    print(
        f"compressed: reply input={comp_replies} + summariser input="
        f"{compressed['summary_input']} ({compressed['summary_calls']} calls, "
        f"{compressed['summary_output']} output tokens) = {comp_total}"
    )
    saving = 1 - comp_total / base_total
    print(f"compressed/baseline input tokens = {comp_total / base_total:.3f} ({saving:.1%} fewer)")
    # The system prompt (instructions + knowledge base) is the same in both runs; what the
    # summary can shrink is the conversation carried with it.
    fixed = len(baseline["replies"]) * min(baseline["replies"])
    history_base = base_total - fixed
    history_comp = comp_total - fixed
    print(
        f"conversation part only (minus the fixed system prompt, ~{min(baseline['replies'])}"
        f" tokens a request): {history_comp}/{history_base} = {history_comp / history_base:.3f}"
        f" ({1 - history_comp / history_base:.1%} fewer)"
    )
    # The best any memory could do: no history and no summary at all, the system prompt alone.
    ceiling = 1 - fixed / base_total
    print(
        f"ceiling: with no conversation at all, {len(baseline['replies'])} requests x "
        f"{min(baseline['replies'])} tokens of system prompt = {fixed}, "
        f"at most {ceiling:.1%} fewer than the baseline"
    )
    verdict = "PASS" if saving >= 0.65 else "MISS"
    print(f"{verdict}: target at least 65% fewer input tokens over the conversation")


if __name__ == "__main__":
    sys.exit(main())
