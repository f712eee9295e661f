from __future__ import annotations

from django.conf import settings
from django.db import models


class Business(models.Model):
    """The tenant. Every row a user can see hangs off a business they are a member of."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "businesses"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", "Owner"
        REVIEWER = "reviewer", "Reviewer"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "business"], name="membership_unique_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.business} ({self.role})"


class Agent(models.Model):
    business = models.ForeignKey(Business, on_delete=models.CASCADE, related_name="agents")
    name = models.CharField(max_length=200)
    # Meta's id of the business phone number; the webhook picks the agent by it.
    phone_number_id = models.CharField(max_length=64, unique=True)
    display_phone_number = models.CharField(max_length=32, blank=True)
    escalation_text = models.TextField(
        default="I don't have that information. Let me pass you to a member of our team.",
        help_text="What the agent says when the knowledge base does not cover a question.",
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.business})"


class KnowledgeBase(models.Model):
    business = models.OneToOneField(
        Business, on_delete=models.CASCADE, related_name="knowledge_base"
    )
    content = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Knowledge base of {self.business}"
