from django.contrib import admin

from agents.models import Agent, AgentText, Business, KnowledgeBase, LlmCall, Membership
from agents.services import business_install_defaults


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Business)
class BusinessAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "time_zone", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            # A new business answers something sensible from day one if the LLM is down.
            business_install_defaults(business=obj)


class AgentTextInline(admin.TabularInline):
    model = AgentText
    extra = 0


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ["name", "business", "phone_number_id", "reply_model", "is_live", "is_active"]
    list_filter = ["is_live", "is_active"]
    inlines = [AgentTextInline]
    fieldsets = [
        (None, {"fields": ["business", "name", "phone_number_id", "display_phone_number"]}),
        (
            "Behaviour",
            {
                "fields": [
                    "is_live",
                    "grounding_policy",
                    "grounding_judge",
                    "verbatim_messages",
                    "is_active",
                ]
            },
        ),
        (
            "Model routing",
            {
                "fields": [
                    "reply_model",
                    "escalated_model",
                    "long_conversation_messages",
                    "hot_lead_review_model",
                ]
            },
        ),
    ]


@admin.register(KnowledgeBase)
class KnowledgeBaseAdmin(admin.ModelAdmin):
    list_display = ["business", "updated_at"]


@admin.register(LlmCall)
class LlmCallAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "purpose",
        "model",
        "agent",
        "input_tokens",
        "output_tokens",
        "cache_read_input_tokens",
        "cost_usd",
        "latency_ms",
        "outcome",
        "error_class",
    ]
    list_filter = ["purpose", "model", "outcome", "error_class"]
    readonly_fields = [f.name for f in LlmCall._meta.fields]
