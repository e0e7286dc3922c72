"""robots.txt."""

from __future__ import annotations

from django.test import TestCase


class RobotsTests(TestCase):
    def test_robots_txt_points_at_both_sitemaps(self) -> None:
        response = self.client.get("/robots.txt")
        text = response.content.decode()
        assert "Sitemap: http://testserver/sitemap.xml" in text
        assert "Sitemap: http://testserver/news-sitemap.xml" in text
        assert "Disallow: /admin/" in text
