from __future__ import annotations

from django.conf import settings
from django.db import models


class PromptVersion(models.Model):
    """An immutable system-prompt template. Replies record the version that produced them.

    The body is a ``str.format`` template with the fields ``business``, ``knowledge_base``,
    ``escalation`` and ``language``.
    """

    number = models.PositiveIntegerField(unique=True)
    body = models.TextField()
    changelog = models.TextField(blank=True)
    is_active = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"v{self.number}"
