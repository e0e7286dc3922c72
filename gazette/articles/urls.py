from django.urls import path, register_converter

from gazette.articles import views
from gazette.articles.feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from gazette.core.http import cache_publicly


class UnicodeSlugConverter:
    """Slugs in any script (Cyrillic, Latin...) and nothing else: no NUL, dots or spaces."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"

rss = cache_publicly()(LatestArticlesFeed())
atom = cache_publicly()(LatestArticlesAtomFeed())

urlpatterns = [
    path("", views.home, name="home"),
    path("feeds/rss/", rss, name="rss"),
    path("feeds/atom/", atom, name="atom"),
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("tags/<uslug:slug>/", views.tag_page, name="tag"),
    path("search/", views.search_page, name="search"),
    path("preview/<int:pk>/", views.preview_article, name="preview"),
    path("<slug:section_slug>/", views.section_page, name="section"),
    path("<slug:section_slug>/feeds/rss/", rss, name="section_rss"),
    path("<slug:section_slug>/feeds/atom/", atom, name="section_atom"),
    path("<slug:section_slug>/<uslug:slug>/", views.article_page, name="article"),
]
