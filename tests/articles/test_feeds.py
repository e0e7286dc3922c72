"""RSS and Atom feeds, read back the way a feed reader does."""

from __future__ import annotations

from datetime import timedelta

import feedparser
from defusedxml.ElementTree import fromstring
from django.test import TestCase
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    DraftArticleFactory,
    PhotoFactory,
    ScheduledArticleFactory,
    SectionFactory,
    SectionNameFactory,
)

FEEDS = ("rss", "atom")
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.courts = SectionFactory(name="Courts", slug="courts")
        SectionNameFactory(section=cls.courts, language="ru", name="Суды")
        cls.security = SectionFactory(name="Security", slug="security")
        cls.author = AuthorFactory(name="Dana Sarsen")
        cls.newest = ArticleFactory(
            section=cls.courts,
            authors=[cls.author],
            headline="Court upholds sentence",
            standfirst="The verdict stands.",
        )
        cls.older = ArticleFactory(
            section=cls.security,
            headline="Border check",
            published_at=timezone.now() - timedelta(days=2),
        )
        cls.russian = ArticleFactory(section=cls.courts, language="ru", headline="Суд заседает")
        DraftArticleFactory(section=cls.courts, headline="Secret draft headline")
        ScheduledArticleFactory(section=cls.courts, headline="Embargoed headline")

    def parse(self, path: str) -> feedparser.FeedParserDict:
        response = self.client.get(path)
        assert response.status_code == 200, path
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        return feed

    def test_site_feeds_list_the_editions_articles_newest_first(self) -> None:
        for kind in FEEDS:
            feed = self.parse(f"/en/feeds/{kind}/")
            assert [entry.title for entry in feed.entries] == [
                "Court upholds sentence",
                "Border check",
            ]
            assert feed.feed.title == "Gazette"

    def test_entries_carry_absolute_links_authors_dates_and_section(self) -> None:
        for kind in FEEDS:
            entry = self.parse(f"/en/feeds/{kind}/").entries[0]
            assert entry.link == f"http://testserver{self.newest.get_absolute_url()}"
            assert entry.author == "Dana Sarsen"
            assert entry.summary == "The verdict stands."
            assert entry.published_parsed is not None
            assert [tag.term for tag in entry.tags] == ["Courts"]

    def test_drafts_and_future_schedules_are_absent(self) -> None:
        for path in ("/en/feeds/rss/", "/en/feeds/atom/", "/en/courts/feeds/rss/"):
            titles = [entry.title for entry in self.parse(path).entries]
            assert "Secret draft headline" not in titles
            assert "Embargoed headline" not in titles

    def test_the_russian_edition_has_its_own_feed(self) -> None:
        for kind in FEEDS:
            feed = self.parse(f"/ru/feeds/{kind}/")
            assert [entry.title for entry in feed.entries] == ["Суд заседает"]
            assert feed.feed.language == "ru"
            assert feed.entries[0].link.startswith("http://testserver/ru/courts/")

    def test_section_feeds_hold_one_section(self) -> None:
        for kind in FEEDS:
            feed = self.parse(f"/en/courts/feeds/{kind}/")
            assert [entry.title for entry in feed.entries] == ["Court upholds sentence"]
            assert feed.feed.title == "Courts | Gazette"
        assert self.parse("/ru/courts/feeds/rss/").feed.title == "Суды | Gazette"

    def test_unknown_section_feed_is_a_404(self) -> None:
        assert self.client.get("/en/no-such-section/feeds/rss/").status_code == 404

    def test_markup_and_control_characters_in_headlines_do_not_break_the_feed(self) -> None:
        ArticleFactory(section=self.courts, headline='Q&A: <b>why</b>\x0b the "court" ruled')
        for kind, title_path in (("rss", "channel/item/title"), ("atom", "atom:entry/atom:title")):
            self.parse(f"/en/feeds/{kind}/")
            root = fromstring(self.client.get(f"/en/feeds/{kind}/").content)
            titles = [title.text for title in root.findall(title_path, ATOM)]
            assert titles[0] == 'Q&A: <b>why</b> the "court" ruled'

    def test_feeds_are_cached_publicly(self) -> None:
        response = self.client.get("/en/feeds/rss/")
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["Content-Type"].startswith("application/rss+xml")
        again = self.client.get("/en/feeds/rss/", headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304

    def test_items_carry_their_lead_photo_with_caption_and_credit(self) -> None:
        photo = PhotoFactory(credit="Gazette/Aigerim Nur")
        ArticleFactory(section=self.courts, headline="Photographed hearing", lead_photo=photo)
        for kind in FEEDS:
            entry = self.parse(f"/en/feeds/{kind}/").entries[0]
            assert entry.title == "Photographed hearing"
            (content,) = entry.media_content
            assert content["url"] == f"http://testserver{photo.image.url}"
            assert (content["width"], content["height"], content["medium"]) == ("64", "48", "image")
            assert entry.media_credit[0]["content"] == "Gazette/Aigerim Nur"
        without_photo = self.parse("/en/feeds/rss/").entries[1]
        assert "media_content" not in without_photo
