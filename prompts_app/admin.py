"""Read-only in the admin: versions are immutable, and deployments and A/B tests go through
the services (the operator pages at /prompts/), which keep one deployed version and a log."""

from django.contrib import admin
from django.http import HttpRequest

from prompts_app.models import PromptDeployment, PromptExperiment, PromptVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PromptVersion)
class PromptVersionAdmin(ReadOnlyAdmin):
    list_display = ["number", "is_active", "created_at", "created_by"]


@admin.register(PromptDeployment)
class PromptDeploymentAdmin(ReadOnlyAdmin):
    list_display = ["version", "reason", "previous", "deployed_by", "deployed_at"]


@admin.register(PromptExperiment)
class PromptExperimentAdmin(ReadOnlyAdmin):
    list_display = ["control", "candidate", "candidate_percent", "outcome", "started_at"]
