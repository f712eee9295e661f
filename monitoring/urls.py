from django.urls import path

from monitoring import views

# No app_name: the health URLs are reversed as plain "healthz" and "readyz".
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", views.prometheus_metrics, name="prometheus_metrics"),
    path("dashboard/", views.metrics_dashboard, name="metrics_dashboard"),
]
