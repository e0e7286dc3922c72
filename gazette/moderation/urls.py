from django.urls import path

from gazette.moderation.views import policy

app_name = "moderation"

urlpatterns = [
    path("comment-policy/", policy.policy_current, name="policy"),
    path("comment-policy/v<int:number>/", policy.policy_version, name="policy_version"),
]
