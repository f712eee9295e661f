from django.contrib import admin

from conversations.models import Contact, Conversation, Lead, Message


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["profile_name", "wa_id", "user_id", "business"]
    search_fields = ["profile_name", "wa_id", "user_id"]


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    fields = ["timestamp", "direction", "author", "type", "text", "status", "wamid"]
    readonly_fields = fields


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ["contact", "agent", "language", "last_message_at"]
    inlines = [MessageInline]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["timestamp", "direction", "author", "type", "status", "wamid"]
    list_filter = ["direction", "author", "status", "type"]


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):
    list_display = ["__str__", "business", "score", "phone", "email", "updated_at", "reviewed_at"]
    list_filter = ["score", "business"]
    search_fields = ["name", "phone", "email", "need"]
    list_select_related = ["business"]
    raw_id_fields = ["conversation"]
    readonly_fields = ["extracted_through_id", "reviewed_at", "created_at", "updated_at"]
