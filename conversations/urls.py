from django.urls import path

from conversations.views import dashboard, inbox, leads, review, webhook

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
    path("leads/", leads.lead_list, name="leads"),
    path("leads/export.csv", leads.lead_export, name="leads_export"),
    path("review/", review.review_list, name="review"),
    path("review/updates/", review.review_updates, name="review_updates"),
    path("review/counts/", review.nav_counts, name="nav_counts"),
    path("review/<int:review_id>/", review.review_detail, name="review_detail"),
    path("review/<int:review_id>/approve/", review.review_approve, name="review_approve"),
    path("review/<int:review_id>/edit/", review.review_edit, name="review_edit"),
    path("review/<int:review_id>/reject/", review.review_reject, name="review_reject"),
    path("inbox/", inbox.inbox_list, name="inbox"),
    path("inbox/updates/", inbox.inbox_updates, name="inbox_updates"),
    path("inbox/<int:conversation_id>/reply/", inbox.inbox_reply, name="inbox_reply"),
    path("inbox/<int:conversation_id>/hand-back/", inbox.inbox_hand_back, name="inbox_hand_back"),
    path(
        "conversations/<int:conversation_id>/hand-off/",
        inbox.conversation_hand_off,
        name="hand_off",
    ),
    path(
        "conversations/<int:conversation_id>/hand-back/",
        inbox.conversation_hand_back,
        name="hand_back",
    ),
]
