from django.urls import path

from agents import views

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
]
