from __future__ import annotations

from prompts_app.models import PromptVersion


def prompt_version_active() -> PromptVersion:
    """The version new replies use: the newest one marked active."""
    version = PromptVersion.objects.filter(is_active=True).order_by("-number").first()
    if version is None:
        raise PromptVersion.DoesNotExist("no active prompt version: run migrate or seed_demo")
    return version
