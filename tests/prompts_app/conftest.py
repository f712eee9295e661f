"""A candidate prompt version, and an A/B test of it against the deployed one."""

from __future__ import annotations

import pytest

from prompts_app.defaults import DEFAULT_SYSTEM_PROMPT
from prompts_app.models import PromptExperiment, PromptVersion
from prompts_app.services import prompt_experiment_start, prompt_version_create

CANDIDATE = DEFAULT_SYSTEM_PROMPT.replace("Keep replies short", "Keep replies warm and short")


@pytest.fixture
def candidate(prompt_version, operator) -> PromptVersion:
    return prompt_version_create(body=CANDIDATE, changelog="Warmer tone.", by=operator)


@pytest.fixture
def experiment(candidate, operator) -> PromptExperiment:
    return prompt_experiment_start(candidate=candidate, percent=30, by=operator)
