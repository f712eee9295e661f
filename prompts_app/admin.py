from django.contrib import admin

from prompts_app.models import PromptVersion


@admin.register(PromptVersion)
class PromptVersionAdmin(admin.ModelAdmin):
    list_display = ["number", "is_active", "created_at", "created_by"]
