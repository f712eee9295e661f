"""Reads about prompts: the deployed version, the running experiment, arms, history, diffs."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass

from django.db.models import QuerySet

from prompts_app.models import PromptDeployment, PromptExperiment, PromptVersion

CONTROL = "control"
CANDIDATE = "candidate"


def prompt_version_active() -> PromptVersion:
    """The deployed version: what new replies use outside an experiment."""
    version = PromptVersion.objects.filter(is_active=True).first()
    if version is None:
        raise PromptVersion.DoesNotExist("no active prompt version: run migrate or seed_demo")
    return version


def prompt_experiment_running() -> PromptExperiment | None:
    return (
        PromptExperiment.objects.filter(is_running=True)
        .select_related("control", "candidate")
        .first()
    )


def prompt_arm(*, experiment: PromptExperiment, conversation_id: int) -> str:
    """Which arm a conversation is in: the same answer every time, in every process.

    A hash of the experiment and the conversation, not Python's ``hash`` (salted per
    process) and not a stored row: sticky for the experiment's life with no write on the
    reply path, and independent between experiments.
    """
    digest = hashlib.sha256(f"prompt-ab:{experiment.pk}:{conversation_id}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % 100
    return CANDIDATE if bucket < experiment.candidate_percent else CONTROL


def prompt_version_for_conversation(*, conversation_id: int) -> PromptVersion:
    """The version a reply in this conversation uses now."""
    experiment = prompt_experiment_running()
    if experiment is None:
        return prompt_version_active()
    arm = prompt_arm(experiment=experiment, conversation_id=conversation_id)
    return experiment.candidate if arm == CANDIDATE else experiment.control


def prompt_version_list() -> QuerySet[PromptVersion]:
    return PromptVersion.objects.select_related("created_by").order_by("-number")


def prompt_version_get(*, number: int) -> PromptVersion:
    return PromptVersion.objects.select_related("created_by").get(number=number)


def prompt_version_previous(*, version: PromptVersion) -> PromptVersion | None:
    return PromptVersion.objects.filter(number__lt=version.number).order_by("-number").first()


def prompt_deployment_list(*, limit: int = 20) -> list[PromptDeployment]:
    return list(
        PromptDeployment.objects.select_related("version", "previous", "deployed_by")[:limit]
    )


def prompt_experiment_list(*, limit: int = 20) -> list[PromptExperiment]:
    return list(
        PromptExperiment.objects.select_related("control", "candidate", "started_by", "ended_by")[
            :limit
        ]
    )


def prompt_experiment_get(*, experiment_id: int) -> PromptExperiment:
    return PromptExperiment.objects.select_related(
        "control", "candidate", "started_by", "ended_by"
    ).get(pk=experiment_id)


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed", "gap"
    text: str


def prompt_diff(*, old: str, new: str, context: int = 3) -> list[DiffLine]:
    """What changed between two bodies, line by line, with a little context around it."""
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        if lines:
            lines.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("same", t) for t in matcher.a[i1:i2]]
                continue
            lines += [DiffLine("removed", t) for t in matcher.a[i1:i2]]
            lines += [DiffLine("added", t) for t in matcher.b[j1:j2]]
    return lines
