"""The cached page of a thread's comments: every write shows on the next read; readers keep
their own likes, tokens and edit links."""

import re

from django.core.cache import cache
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gazette.accounts.readers import Reader
from gazette.comments import caching, services
from gazette.comments.models import Comment, Thread
from gazette.comments.services import AuthorProof
from gazette.core import fragments
from tests.comments.helpers import GENEROUS_RATES, comment_check, posting_as
from tests.factories import ArticleFactory, SectionNameFactory
from tests.querycounts import cache_is_the_database

GENEROUS = override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})


def post(thread, body, *, name="Reader", anonymous_id="a1", user=None, parent_id=None):
    return services.post_comment(
        thread=thread,
        **posting_as(name=name, anonymous_id=anonymous_id, user=user),
        body=body,
        parent_id=parent_id,
    )


def version_of(thread):
    return Thread.objects.values_list("version", flat=True).get(pk=thread.pk)


def comment_queries(queries):
    return [query for query in queries if 'FROM "comments_comment"' in query["sql"]]


class CommentCacheTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory(headline="Appeal hearing")
        cls.thread = services.thread_for_article(cls.article)
        cls.url = cls.article.get_absolute_url()
        cls.first = post(cls.thread, "The *first* comment.", name="Aliya", anonymous_id="aliya")

    def page(self, client=None, query=""):
        response = (client or self.client).get(self.url + query)
        assert response.status_code == 200
        return response.content.decode()


class WritesShowOnTheNextReadTests(CommentCacheTestCase):
    def test_a_warm_page_reads_no_comment(self):
        self.page()
        with CaptureQueriesContext(connection) as warm:
            html = self.page()
        assert comment_queries(warm.captured_queries) == []
        assert "The <em>first</em> comment." in html
        # Another worker, without copies of its own, reads the shared cache.
        fragments.forget_kept()
        with CaptureQueriesContext(connection) as other:
            again = self.page()
        assert "The <em>first</em> comment." in again
        assert comment_queries(other.captured_queries) == []
        if cache_is_the_database():
            assert any("gazette_cache" in query["sql"] for query in other.captured_queries)

    def test_a_new_comment_and_a_reply(self):
        self.page()
        second = post(self.thread, "A second view.", name="Boris", anonymous_id="boris")
        assert "A second view." in self.page()
        post(self.thread, "A reply.", anonymous_id="c", parent_id=second.pk)
        html = self.page()
        assert "A reply." in html
        assert "2 Comments" not in html  # three now
        assert "3 Comments" in html

    def test_a_held_comment_changes_nothing_until_published(self):
        self.page()
        before = version_of(self.thread)
        held = Comment.objects.create(
            thread=self.thread,
            author_name="Held",
            body="Held text.",
            body_html="<p>Held text.</p>",
            state=Comment.State.PENDING,
            created_at=timezone.now(),
        )
        assert "Held text." not in self.page()
        assert version_of(self.thread) == before
        services.change_comment_state(comment=held, state=Comment.State.PUBLISHED)
        assert "Held text." in self.page()

    def test_removed_and_reinstated_by_a_moderator(self):
        self.page()
        services.change_comment_state(comment=self.first, state=Comment.State.REMOVED)
        assert "The <em>first</em> comment." not in self.page()
        services.change_comment_state(comment=self.first, state=Comment.State.PUBLISHED)
        assert "The <em>first</em> comment." in self.page()

    def test_edited_and_deleted_by_its_author(self):
        self.page()
        proof = AuthorProof(user_id=None, comment_ids=frozenset({self.first.pk}))
        services.edit_comment(comment_id=self.first.pk, proof=proof, body="Second thoughts.")
        html = self.page()
        assert "Second thoughts." in html
        assert "(edited)" in html
        services.delete_comment(comment_id=self.first.pk, proof=proof)
        assert "Second thoughts." not in self.page()

    def test_a_like_moves_the_count_and_the_most_liked_order(self):
        second = post(self.thread, "The popular one.", name="Boris", anonymous_id="boris")
        first_of = self.page(query="?csort=liked").index
        assert first_of(f'id="comment-{self.first.pk}"') < first_of(f'id="comment-{second.pk}"')
        reader = Reader.anonymous("fan")
        services.like_comment(comment_id=second.pk, reader=reader)
        html = self.page(query="?csort=liked")
        assert html.index(f'id="comment-{second.pk}"') < html.index(f'id="comment-{self.first.pk}"')
        assert "<span data-like-count>1</span>" in html
        services.like_comment(comment_id=second.pk, reader=reader, liked=False)
        assert "<span data-like-count>1</span>" not in self.page(query="?csort=liked")

    def test_every_change_raises_the_version(self):
        proof = AuthorProof(user_id=None, comment_ids=frozenset({self.first.pk}))
        reader = Reader.anonymous("fan")
        changes = [
            lambda: post(self.thread, "Another.", anonymous_id="x"),
            lambda: services.like_comment(comment_id=self.first.pk, reader=reader),
            lambda: services.like_comment(comment_id=self.first.pk, reader=reader, liked=False),
            lambda: services.edit_comment(comment_id=self.first.pk, proof=proof, body="New."),
            lambda: services.change_comment_state(comment=self.first, state="removed"),
            lambda: services.change_comment_state(comment=self.first, state="published"),
            lambda: services.close_thread(thread=self.thread),
            lambda: services.reopen_thread(thread=self.thread),
            lambda: services.delete_comment(comment_id=self.first.pk, proof=proof),
        ]
        for change in changes:
            before = version_of(self.thread)
            change()
            assert version_of(self.thread) == before + 1

    def test_a_like_sent_twice_changes_the_version_once(self):
        reader = Reader.anonymous("fan")
        services.like_comment(comment_id=self.first.pk, reader=reader)
        before = version_of(self.thread)
        services.like_comment(comment_id=self.first.pk, reader=reader)
        assert version_of(self.thread) == before

    def test_each_language_has_its_own_copy(self):
        russian = ArticleFactory(language="ru", section=self.article.section)
        SectionNameFactory(section=self.article.section, language="ru", name="Суды")
        thread = services.thread_for_article(russian)
        comment = post(thread, "Комментарий.", anonymous_id="ru")
        html = self.client.get(russian.get_absolute_url()).content.decode()
        assert f'href="/ru/comments/{comment.pk}/"' in html
        assert f'href="/en/comments/{self.first.pk}/"' in self.page()

    def test_a_made_up_page_number_is_not_kept(self):
        thread = Thread.objects.get(pk=self.thread.pk)
        assert "The <em>first</em> comment." in self.page(query="?cpage=999")
        assert cache.get(caching._key(thread, "oldest", 999)) is None
        assert cache.get(caching._key(thread, "oldest", 1)) is None
        self.page()
        assert cache.get(caching._key(thread, "oldest", 1)) is not None


@GENEROUS
class PerReaderPartsTests(CommentCacheTestCase):
    def test_tokens_likes_and_edit_links_stay_with_their_reader(self):
        # The author posts through the form (their browser is remembered as the author).
        author = Client(enforce_csrf_checks=False)
        author.get(self.url)
        response = author.post(
            reverse("comments:post", kwargs={"article_pk": self.article.pk}),
            {
                "name": "Dana",
                "email": "dana@example.org",
                "body": "Mine to edit.",
                "accept_policy": "on",
                **comment_check(self.article),
            },
        )
        assert response.status_code == 302
        mine = Comment.objects.get(body="Mine to edit.")
        fan = Client()
        fan.get(self.url)
        like = reverse("comments:like", kwargs={"pk": self.first.pk})
        fan.post(like, {"liked": "on"}, follow=True)
        self.page(fan)  # the shared copy is now warm

        with CaptureQueriesContext(connection) as warm:
            author_html = self.page(author)
        assert comment_queries(warm.captured_queries) == []
        fan_html = self.page(fan)

        edit_link = f'href="/en/comments/{mine.pk}/edit/"'
        assert edit_link in author_html
        assert edit_link not in fan_html

        def like_button(html, pk):
            form = html[html.index(f'action="/en/comments/{pk}/like/"') :]
            return re.search(r'aria-pressed="(\w+)"', form).group(1)

        assert like_button(fan_html, self.first.pk) == "true"
        assert like_button(author_html, self.first.pk) == "false"

        def tokens(html):
            return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html))

        assert len(tokens(author_html)) == 1
        assert len(tokens(fan_html)) == 1
        assert tokens(author_html) != tokens(fan_html)

    def test_replying_to_a_comment_names_it_from_the_cached_page(self):
        self.page()
        html = self.page(query=f"?creply={self.first.pk}")
        assert "Replying to Aliya" in html
