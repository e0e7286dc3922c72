from django.urls import path

from gazette.api.app import api

urlpatterns = [path("v1/", api.urls)]
