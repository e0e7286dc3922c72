from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from gazette.accounts.identity import identify_reader
from gazette.articles.sitemaps import SITEMAPS, news_sitemap, sitemap_index, sitemap_section
from gazette.challenges.csp import csp_report
from gazette.core.views import health_view, robots_txt

urlpatterns = [
    path("robots.txt", robots_txt, name="robots"),
    path("health/", health_view, name="health"),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_section,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("news-sitemap.xml", news_sitemap, name="news-sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("challenges/", include("gazette.challenges.urls")),
    path("reader/", identify_reader, name="reader"),
    path("csp-report/", csp_report, name="csp_report"),
    path("admin/", admin.site.urls),
    path("api/", include("gazette.api.urls")),
    # Served by the ASGI application itself (gazette/asgi.py); this answers under WSGI.
    path("events/", include("gazette.live.urls")),
    path("", include("gazette.embed.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns += i18n_patterns(
    path("reactions/", include("gazette.reactions.urls")),
    path("newsroom/", include("gazette.newsroom.urls")),
    path("", include("gazette.moderation.urls")),
    path("", include("gazette.comments.urls")),
    path("accounts/", include("gazette.accounts.urls")),
    path("", include("gazette.articles.urls")),
)
