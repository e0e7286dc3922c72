import feedparser
from django.test import TestCase
from django.urls import reverse

from gazette.comments import services
from tests.comments.helpers import HELD, posting_as
from tests.factories import ArticleFactory


class ArticleCommentsFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory(language="en")
        cls.thread = services.thread_for_article(cls.article)
        author = posting_as(
            name="Dana", email="dana@example.org", anonymous_id="d", ip_hash="abcdef0123456789"
        )
        cls.published = services.post_comment(thread=cls.thread, **author, body="A **fair** point.")
        cls.held = services.post_comment(
            thread=cls.thread,
            **posting_as(name="Bot", anonymous_id="b"),
            body="Buy now.",
            human_check=HELD,
        )
        cls.url = reverse("comments:feed", kwargs={"article_pk": cls.article.pk})

    def test_feed_lists_published_comments_only(self):
        response = self.client.get(self.url)
        feed = feedparser.parse(response.content)
        assert response["Content-Type"].startswith("application/atom+xml")
        assert not feed.bozo
        assert [entry.author for entry in feed.entries] == ["Dana"]
        assert "<strong>fair</strong>" in feed.entries[0].summary
        assert feed.entries[0].link.endswith(self.published.get_absolute_url())

    def test_feed_never_shows_addresses_or_address_hashes(self):
        body = self.client.get(self.url).content.decode()
        assert "dana@example.org" not in body
        assert "abcdef0123456789" not in body
        assert "@" not in body.replace("xmlns", "")

    def test_feed_of_a_draft_is_not_found(self):
        draft = ArticleFactory(status="draft", published_at=None)
        response = self.client.get(reverse("comments:feed", kwargs={"article_pk": draft.pk}))
        assert response.status_code == 404

    def test_article_page_links_to_its_feed(self):
        assert self.url in self.client.get(self.article.get_absolute_url()).content.decode()

    def test_feed_speaks_the_articles_language(self):
        russian = ArticleFactory(language="ru")
        services.post_comment(
            thread=services.thread_for_article(russian),
            **posting_as(name="Олжас", anonymous_id="o"),
            body="Суд должен быть открытым.",
        )
        body = self.client.get(reverse("comments:feed", kwargs={"article_pk": russian.pk}))
        assert b'xml:lang="ru"' in body.content
        assert b"bound method" not in body.content


class LatestCommentsFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        english = ArticleFactory(language="en", headline="Court hears the appeal")
        russian = ArticleFactory(language="ru", headline="Суд рассмотрел жалобу")
        draft = ArticleFactory(language="en", status="draft", published_at=None)
        for article, name in [(english, "Dana"), (russian, "Олжас"), (draft, "Early")]:
            services.post_comment(
                thread=services.thread_for_article(article),
                **posting_as(name=name, anonymous_id=name),
                body="A point about the hearing.",
            )
        services.post_comment(
            thread=services.thread_for_article(english),
            **posting_as(name="Bot", anonymous_id="b"),
            body="Buy now.",
            human_check=HELD,
        )

    def entries(self, language: str) -> list[str]:
        with self.settings(LANGUAGE_CODE="en"):
            response = self.client.get(f"/{language}/comments/atom/")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        return [entry.title for entry in feed.entries]

    def test_each_edition_lists_the_published_comments_on_its_published_articles(self):
        assert self.entries("en") == ["Dana on “Court hears the appeal”"]
        assert self.entries("ru") == ["Олжас о «Суд рассмотрел жалобу»"]  # noqa: RUF001

    def test_every_page_announces_the_editions_comment_feed(self):
        page = self.client.get("/ru/").content.decode()
        assert 'href="/ru/comments/atom/"' in page
