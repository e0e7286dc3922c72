from django.urls import path

from gazette.newsroom import views

app_name = "newsroom"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("articles/<int:pk>/", views.article_panel, name="article"),
    path("mine/", views.own_articles, name="own_articles"),
    path("digest/", views.digest_choice, name="digest"),
    path("digest/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
