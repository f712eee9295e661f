from django.urls import path

from prompts_app import views

app_name = "prompts"

urlpatterns = [
    path("prompts/", views.prompt_list, name="list"),
    path("prompts/new/", views.prompt_new, name="new"),
    path("prompts/v<int:number>/", views.prompt_detail, name="detail"),
    path("prompts/v<int:number>/deploy/", views.prompt_deploy, name="deploy"),
    path("prompts/v<int:number>/test/", views.experiment_start, name="experiment_start"),
    path(
        "prompts/tests/<int:experiment_id>/results/",
        views.experiment_results,
        name="experiment_results",
    ),
    path("prompts/tests/<int:experiment_id>/end/", views.experiment_end, name="experiment_end"),
]
