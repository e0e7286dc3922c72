"""Site-wide plain answers: robots.txt."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from gazette.core.http import absolute_url, cache_publicly


@require_safe
@cache_publicly(max_age=3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Editors' previews of unpublished articles, under every edition's prefix.
        "Disallow: /*/preview/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap-index'), request=request)}",
        f"Sitemap: {absolute_url(reverse('news-sitemap'), request=request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
