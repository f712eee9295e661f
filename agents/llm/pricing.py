"""What a call cost, from the one price table in settings (USD per million tokens)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

MILLION = Decimal(1_000_000)


class UnknownModel(KeyError):
    pass


def model_prices(model: str) -> dict[str, Decimal]:
    table = settings.LLM_MODELS
    entry = table.get(model)
    if entry is None:
        # Dated snapshots ("claude-sonnet-4-5-20250929") price as their alias.
        entry = next((v for k, v in table.items() if model.startswith(k)), None)
    if entry is None:
        raise UnknownModel(f"no prices configured for model {model!r} (settings.LLM_MODELS)")
    return {k: Decimal(str(v)) for k, v in entry.items() if k != "min_cache_tokens"}


def call_cost(
    *,
    model: str,
    input_tokens: int,
    output_tokens: int,
    cache_creation_input_tokens: int = 0,
    cache_read_input_tokens: int = 0,
) -> Decimal:
    """``input_tokens`` is the uncached part only, as the Messages API reports it."""
    prices = model_prices(model)
    total = (
        input_tokens * prices["input"]
        + output_tokens * prices["output"]
        + cache_creation_input_tokens * prices["cache_write"]
        + cache_read_input_tokens * prices["cache_read"]
    )
    return (total / MILLION).quantize(Decimal("0.000001"))


def min_cache_tokens(model: str) -> int:
    entry = settings.LLM_MODELS.get(model) or next(
        (v for k, v in settings.LLM_MODELS.items() if model.startswith(k)), {}
    )
    return int(entry.get("min_cache_tokens", 4096))
