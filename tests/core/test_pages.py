"""Pages kept whole for readers without personal cookies (gazette/core/pages.py): the same bytes
for every such reader, never older than the last write they show, with ETag, 304 and gzip."""

import gzip

from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from gazette.comments import services
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.reactions.models import ReactionSet
from tests.comments.helpers import posting_as
from tests.factories import ArticleFactory, as_returning_reader, identified, yes_no_reaction_set
from tests.moderation.factories import WHY, ClauseFactory, staff_in
from tests.querycounts import plus_cache_reads


def post(thread, body, name="Dana", **kwargs):
    return services.post_comment(
        thread=thread, **posting_as(name=name, anonymous_id=f"reader-{name}"), body=body, **kwargs
    )


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


class SharedArticlePageTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.article = ArticleFactory(headline="Court hears appeal")
        cls.url = cls.article.get_absolute_url()
        cls.thread = services.thread_for_article(cls.article)
        cls.first = post(cls.thread, "The first word.")


class SameBytesTests(SharedArticlePageTestCase):
    def test_two_readers_without_cookies_get_identical_bytes_and_no_cookie(self) -> None:
        first, second = Client(), Client()
        one, two = first.get(self.url), second.get(self.url)
        assert one.content == two.content
        assert one["ETag"] == two["ETag"]
        assert not one.cookies
        assert not two.cookies
        assert "The first word." in html_of(one)
        assert 'name="csrfmiddlewaretoken"' not in html_of(one)
        assert 'name="rendered_at" value=' not in html_of(one)

    def test_a_warm_page_costs_two_queries_whatever_the_length_of_the_thread(self) -> None:
        self.client.get(self.url)
        with self.assertNumQueries(plus_cache_reads(1, 1)):
            self.client.get(self.url)
        for number in range(40):
            post(self.thread, f"Comment {number}.", name=f"R{number}")
        self.client.get(self.url)
        with CaptureQueriesContext(connection) as warm:
            html = html_of(self.client.get(self.url))
        # One cache read (the stamps it was built under), one query (the thread's version).
        assert len(warm.captured_queries) == plus_cache_reads(1, 1)
        assert "Comment 39." in html or "Page 1 of 2" in html

    def test_a_kept_page_keeps_the_headers_of_its_first_rendering(self) -> None:
        first = self.client.get(self.url)
        kept = self.client.get(self.url)
        for name in ("X-Frame-Options", "Content-Language", "X-Content-Type-Options"):
            assert kept[name] == first[name], name
        assert kept["X-Frame-Options"] == "DENY"
        assert "Cookie" in kept["Vary"]

    def test_a_reader_with_personal_cookies_gets_a_page_of_their_own(self) -> None:
        returning = as_returning_reader(Client())
        response = returning.get(self.url)
        assert response["Cache-Control"] == "private, no-cache"
        assert 'name="csrfmiddlewaretoken"' in html_of(response)


class ConditionalAndCompressedTests(SharedArticlePageTestCase):
    def test_a_matching_if_none_match_is_answered_304_without_a_body(self) -> None:
        response = self.client.get(self.url)
        again = self.client.get(self.url, headers={"if-none-match": response["ETag"]})
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == response["ETag"]

    def test_an_old_etag_after_a_new_comment_gets_the_new_page(self) -> None:
        etag = self.client.get(self.url)["ETag"]
        post(self.thread, "A later word.", name="Ali")
        response = self.client.get(self.url, headers={"if-none-match": etag})
        assert response.status_code == 200
        assert "A later word." in html_of(response)

    def test_a_reader_asking_for_gzip_gets_the_same_page_compressed(self) -> None:
        plain = self.client.get(self.url)
        packed = self.client.get(self.url, headers={"accept-encoding": "gzip, deflate, br"})
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert "Accept-Encoding" in packed["Vary"]
        assert "Content-Encoding" not in plain

    def test_a_front_cache_may_keep_it_for_a_few_seconds_and_browsers_ask_again(self) -> None:
        response = self.client.get(self.url)
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"
        assert "Last-Modified" in response


class NeverOlderThanTheDataTests(SharedArticlePageTestCase):
    def test_a_removed_comment_is_gone_from_the_next_page(self) -> None:
        assert "The first word." in html_of(self.client.get(self.url))
        moderator = staff_in(MODERATOR)
        clause = ClauseFactory(number=3, key="attacks", title="No personal attacks")
        decisions.remove_comment(
            explanation=WHY, comment=self.first, actor=moderator, clause=clause
        )
        html = html_of(self.client.get(self.url))
        assert "The first word." not in html
        assert "0 Comments" in html

    def test_a_new_reply_and_an_edit_show_on_the_next_page(self) -> None:
        self.client.get(self.url)
        post(self.thread, "A reply.", name="Ali", parent_id=self.first.pk)
        assert "A reply." in html_of(self.client.get(self.url))

    def test_closing_the_section_replaces_the_form_with_the_notice(self) -> None:
        assert 'id="comment-form"' in html_of(self.client.get(self.url))
        services.close_section(section=self.article.section, reason="Elections.")
        html = html_of(self.client.get(self.url))
        assert 'id="comment-form"' not in html
        services.reopen_section(section=self.article.section)
        assert 'id="comment-form"' in html_of(self.client.get(self.url))

    def test_an_edited_headline_shows_on_the_next_page(self) -> None:
        self.client.get(self.url)
        self.article.headline = "Court rejects appeal"
        self.article.save()
        assert "Court rejects appeal" in html_of(self.client.get(self.url))

    def test_a_new_question_shows_on_the_next_page(self) -> None:
        self.client.get(self.url)
        ReactionSet.objects.filter(is_default=True).update(question="Was this useful?")
        ReactionSet.objects.get(is_default=True).save()
        assert "Was this useful?" in html_of(self.client.get(self.url))

    def test_the_front_page_count_follows_a_new_comment(self) -> None:
        assert "1 Comment" in html_of(self.client.get("/en/"))
        post(self.thread, "Another word.", name="Ali")
        assert "2 Comments" in html_of(self.client.get("/en/"))


class PollCountsTests(SharedArticlePageTestCase):
    def test_readers_without_a_vote_are_sent_no_counts_however_many_voted(self) -> None:
        self.client.get(self.url)
        voter = identified(Client())
        vote = self.article.get_absolute_url().split("/")[1]
        voter.post(f"/{vote}/reactions/articles/{self.article.pk}/vote/", {"choice": "yes"})
        html = html_of(self.client.get(self.url))
        assert "data-poll-result" not in html
        assert "vote in total" not in html

    @override_settings(GAZETTE_REACTIONS={"SHOW_COUNTS": "always"})
    def test_where_counts_are_shown_to_all_the_page_follows_each_vote(self) -> None:
        assert "0 votes in total" in html_of(self.client.get(self.url))
        identified(Client()).post(
            f"/en/reactions/articles/{self.article.pk}/vote/", {"choice": "yes"}
        )
        assert "1 vote in total" in html_of(self.client.get(self.url))
