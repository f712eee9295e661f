from django.contrib import admin

from agents.models import Agent, Business, KnowledgeBase, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Business)
class BusinessAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ["name", "business", "phone_number_id", "is_active"]
    list_filter = ["is_active"]


@admin.register(KnowledgeBase)
class KnowledgeBaseAdmin(admin.ModelAdmin):
    list_display = ["business", "updated_at"]
