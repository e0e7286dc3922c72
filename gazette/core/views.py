"""Site-wide plain answers: robots.txt, and the health check for load balancers."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from gazette.core.health import health
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


@require_safe
@never_cache
def health_view(request: HttpRequest) -> JsonResponse:
    """200 while this server can serve readers ("ok", or "degraded" when the task queue is
    behind), 503 when the database or the shared cache does not answer (core/health.py)."""
    report = health()
    return JsonResponse(
        {"status": report.status, "checks": report.checks},
        status=200 if report.serving else 503,
    )
