from django.contrib import admin

from conversations.models import Contact, Conversation, Message


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
