"""robots.txt."""

from __future__ import annotations

from django.test import TestCase, override_settings


class RobotsTests(TestCase):
    def test_robots_txt_points_at_both_sitemaps_and_keeps_crawlers_out_of_the_desk(self) -> None:
        response = self.client.get("/robots.txt")
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response.content.decode().splitlines() == [
            "User-agent: *",
            "Disallow: /admin/",
            "Disallow: /*/preview/",
            "",
            "Sitemap: http://testserver/sitemap.xml",
            "Sitemap: http://testserver/news-sitemap.xml",
        ]

    @override_settings(GAZETTE_BASE_URL="https://news.example.org")
    def test_sitemap_addresses_use_the_configured_base_url(self) -> None:
        text = self.client.get("/robots.txt").content.decode()
        assert "Sitemap: https://news.example.org/sitemap.xml" in text

    def test_robots_txt_is_cached_publicly(self) -> None:
        assert self.client.get("/robots.txt")["Cache-Control"] == "public, max-age=3600"
