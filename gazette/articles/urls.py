from django.urls import path

from gazette.articles import views
from gazette.articles.feeds import LatestArticlesAtomFeed, LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("feeds/rss/", LatestArticlesFeed(), name="rss"),
    path("feeds/atom/", LatestArticlesAtomFeed(), name="atom"),
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("tags/<str:slug>/", views.tag_page, name="tag"),
    path("preview/<int:pk>/", views.preview_article, name="preview"),
    path("<slug:section_slug>/", views.section_page, name="section"),
    path("<slug:section_slug>/feeds/rss/", LatestArticlesFeed(), name="section_rss"),
    path("<slug:section_slug>/feeds/atom/", LatestArticlesAtomFeed(), name="section_atom"),
    path("<slug:section_slug>/<str:slug>/", views.article_page, name="article"),
]
