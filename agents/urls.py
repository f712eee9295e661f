from django.urls import path

from agents import views, views_settings

app_name = "agents"

urlpatterns = [
    path("agents/", views.agent_list, name="list"),
    path("agents/<int:agent_id>/", views.agent_detail, name="detail"),
    path("agents/<int:agent_id>/mode/", views.agent_mode_panel, name="mode"),
    path("agents/<int:agent_id>/pin/", views.agent_pin_view, name="pin"),
    path("agents/<int:agent_id>/unpin/", views.agent_unpin_view, name="unpin"),
    path(
        "agents/<int:agent_id>/cached-answers/<int:entry_id>/delete/",
        views.cached_answer_delete_view,
        name="cached_answer_delete",
    ),
    path("agents/business/<int:business_id>/rules/", views.rule_list, name="rules"),
    path(
        "agents/business/<int:business_id>/rules/new/", views.rule_create_view, name="rule_create"
    ),
    path(
        "agents/business/<int:business_id>/rules/defaults/",
        views.rule_install_defaults,
        name="rule_install_defaults",
    ),
    path("agents/business/<int:business_id>/rules/try/", views.rule_try, name="rule_try"),
    path(
        "agents/business/<int:business_id>/rules/<int:rule_id>/",
        views.rule_edit,
        name="rule_edit",
    ),
    path(
        "agents/business/<int:business_id>/rules/<int:rule_id>/delete/",
        views.rule_delete_view,
        name="rule_delete",
    ),
    # the owner's pages: knowledge base, agent settings, chat sandbox
    path(
        "agents/business/<int:business_id>/knowledge-base/",
        views_settings.knowledge_base,
        name="knowledge_base",
    ),
    path(
        "agents/business/<int:business_id>/knowledge-base/preview/",
        views_settings.knowledge_base_preview,
        name="knowledge_base_preview",
    ),
    path("agents/<int:agent_id>/settings/", views_settings.agent_settings, name="settings"),
    path("agents/<int:agent_id>/live/", views_settings.agent_live, name="live"),
    path("agents/<int:agent_id>/try/", views_settings.sandbox, name="sandbox"),
    path("agents/<int:agent_id>/try/send/", views_settings.sandbox_send, name="sandbox_send"),
    path(
        "agents/<int:agent_id>/try/messages/",
        views_settings.sandbox_messages,
        name="sandbox_messages",
    ),
    path(
        "agents/<int:agent_id>/try/reset/",
        views_settings.sandbox_reset_view,
        name="sandbox_reset",
    ),
]
