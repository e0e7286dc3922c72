from django.urls import path

from gazette.comments import subscription_views, views
from gazette.comments.feeds import ArticleCommentsFeed, LatestCommentsFeed

app_name = "comments"

urlpatterns = [
    path("comments/<int:pk>/", views.permalink, name="permalink"),
    path("comments/<int:pk>/replies/", views.replies_page, name="replies"),
    path("comments/<int:pk>/edit/", views.edit_comment, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_comment, name="delete"),
    path("comments/<int:pk>/like/", views.like_comment, name="like"),
    path("comments/article/<int:article_pk>/post/", views.post_comment, name="post"),
    path("comments/article/<int:article_pk>/page/", views.thread_page, name="page"),
    path("comments/article/<int:article_pk>/atom/", ArticleCommentsFeed(), name="feed"),
    path("comments/atom/", LatestCommentsFeed(), name="latest_feed"),
    path(
        "comments/notifications/confirm/<str:token>/",
        subscription_views.confirm_subscription,
        name="confirm_subscription",
    ),
    path(
        "comments/notifications/unsubscribe/<str:token>/",
        subscription_views.unsubscribe,
        name="unsubscribe",
    ),
]
