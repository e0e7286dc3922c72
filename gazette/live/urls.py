from django.urls import path

from gazette.live import views

app_name = "live"
urlpatterns = [path("", views.no_stream, name="stream")]
