from django.urls import path

from gazette.embed import views

app_name = "embed"

urlpatterns = [
    path("embed.js", views.loader, name="loader"),
    path("embed/strings/<str:edition>.json", views.strings, name="strings"),
]
