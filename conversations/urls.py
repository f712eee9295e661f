from django.urls import path

from conversations.views import dashboard, webhook

app_name = "conversations"

urlpatterns = [
    path("webhooks/whatsapp/", webhook.whatsapp_webhook, name="whatsapp_webhook"),
    path("conversations/", dashboard.conversation_list, name="list"),
    path("conversations/<int:conversation_id>/", dashboard.conversation_detail, name="detail"),
    path(
        "conversations/<int:conversation_id>/messages/",
        dashboard.conversation_messages,
        name="messages",
    ),
]
