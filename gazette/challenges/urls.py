from django.urls import path

from gazette.challenges import views

app_name = "challenges"

urlpatterns = [
    path("new/", views.new_challenge, name="new"),
]
