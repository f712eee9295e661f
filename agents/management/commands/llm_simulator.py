"""Run the Messages-API simulator in the foreground.

    python manage.py llm_simulator --port 8765 --latency-ms 300 --rpm 50
    python manage.py llm_simulator --hallucination-rate 0.03 --hallucination action=0.2

``--hallucination-rate R`` makes a share R of customer replies carry an invented claim of
each kind (``HALLUCINATION_KINDS``: at most one claim a reply, so 7 kinds at 0.03 lie in
about one reply in five); ``--hallucination kind=rate,...`` sets kinds one by one.

Point the app at it with ``ANTHROPIC_BASE_URL=http://127.0.0.1:8765``. It needs no database,
so it starts before migrations and alongside anything. Stops cleanly on SIGTERM or Ctrl-C.
"""

from __future__ import annotations

import dataclasses
import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from agents.llm.simulator import (
    HALLUCINATION_KINDS,
    LIMIT_FIELDS,
    SimulatorConfig,
    checked_hallucination,
    serve,
)


class Command(BaseCommand):
    help = "Serve a local, deterministic Anthropic Messages API (the demo and tests use it)."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
        parser.add_argument("--latency-ms", type=int, default=0, help="added to each request")
        parser.add_argument("--latency-jitter-ms", type=int, default=0)
        parser.add_argument("--rpm", type=int, help="requests per minute, every model class")
        parser.add_argument("--input-tpm", type=int, help="input tokens per minute")
        parser.add_argument("--output-tpm", type=int, help="output tokens per minute")
        parser.add_argument("--error-rate-529", type=float, default=0.0, help="0..1")
        parser.add_argument("--error-rate-500", type=float, default=0.0, help="0..1")
        parser.add_argument("--seed", type=int, default=0, help="seeds fault injection")
        parser.add_argument("--spend-limit-reached", action="store_true")
        parser.add_argument("--outage", action="store_true", help="answer every request 529")
        parser.add_argument(
            "--hallucination-rate",
            type=float,
            default=0.0,
            help="0..1: share of customer replies with an invented claim, for every kind",
        )
        parser.add_argument(
            "--hallucination",
            default="",
            metavar="KIND=RATE,...",
            help=f"per kind, overriding --hallucination-rate; kinds: {', '.join(HALLUCINATION_KINDS)}",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        config = self._config(options)
        try:
            server = serve(host=options["host"], port=options["port"], config=config)
        except OSError as error:
            raise CommandError(
                f"cannot listen on {options['host']}:{options['port']}: {error}"
            ) from error

        stop = threading.Event()
        previous = {
            sig: signal.signal(sig, lambda *_: stop.set())
            for sig in (signal.SIGTERM, signal.SIGINT)
        }
        self.stdout.write(f"LLM simulator listening on {server.base_url}")
        self.stdout.flush()
        try:
            # A timed wait, so the main thread wakes to run the signal handlers promptly.
            while not stop.wait(0.5):
                pass
        finally:
            server.shutdown()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write("LLM simulator stopped")

    def _config(self, options: dict[str, Any]) -> SimulatorConfig:
        for name in ("error_rate_529", "error_rate_500"):
            if not 0.0 <= options[name] <= 1.0:
                raise CommandError(f"--{name.replace('_', '-')} must be between 0 and 1")
        for name in ("latency_ms", "latency_jitter_ms"):
            if options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} must not be negative")
        if not 0.0 <= options["hallucination_rate"] <= 1.0:
            raise CommandError("--hallucination-rate must be between 0 and 1")
        hallucination = _hallucination(options["hallucination"])
        limits = {name: options[name] for name in LIMIT_FIELDS if options[name] is not None}
        if any(value < 1 for value in limits.values()):
            raise CommandError("--rpm, --input-tpm and --output-tpm must be positive")
        config = SimulatorConfig(
            latency_ms=options["latency_ms"],
            latency_jitter_ms=options["latency_jitter_ms"],
            error_rate_529=options["error_rate_529"],
            error_rate_500=options["error_rate_500"],
            seed=options["seed"],
            spend_limit_reached=options["spend_limit_reached"],
            outage=options["outage"],
            verbose=options["verbosity"] >= 2,  # -v 2 logs every request
            hallucination=hallucination,
            hallucination_rate=options["hallucination_rate"],
        )
        for name in config.limits:
            config.limits[name] = dataclasses.replace(config.limits[name], **limits)
        return config


def _hallucination(spec: str) -> dict[str, float]:
    """``"action=0.1,contact=0.05"`` as a dict of claim kinds and rates, checked."""
    rates: dict[str, Any] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        kind, equals, rate = item.partition("=")
        try:
            rates[kind.strip()] = float(rate) if equals else None
        except ValueError:
            rates[kind.strip()] = None
    try:
        return checked_hallucination(rates)
    except ValueError as error:
        raise CommandError(f"--hallucination: {error}") from error
