from django.urls import path

from gazette.reactions import views

app_name = "reactions"

urlpatterns = [
    path("articles/<int:article_id>/vote/", views.vote_on_article, name="vote"),
]
