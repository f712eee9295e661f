from django.urls import path

from monitoring import views

# No app_name: the health URLs are reversed as plain "healthz" and "readyz".
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", views.prometheus_metrics, name="prometheus_metrics"),
    path("dashboard/", views.metrics_dashboard, name="metrics_dashboard"),
    path("dashboard/alerts/", views.alert_rules, name="alert_rules"),
    path(
        "dashboard/alerts/<int:business_id>/<int:rule_id>/",
        views.alert_rule_edit,
        name="alert_rule_edit",
    ),
    path("dashboard/notifications/", views.notification_settings, name="notification_settings"),
    path(
        "dashboard/notifications/<int:business_id>/",
        views.notification_settings_business,
        name="notification_settings_business",
    ),
    path(
        "dashboard/notifications/<int:business_id>/settings/",
        views.notification_settings_edit,
        name="notification_settings_edit",
    ),
    path(
        "dashboard/notifications/<int:business_id>/mine/",
        views.notification_preference_edit,
        name="notification_preference_edit",
    ),
    path(
        "dashboard/notifications/<int:business_id>/test/",
        views.notification_test,
        name="notification_test",
    ),
]
