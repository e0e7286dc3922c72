import gzip
from datetime import timedelta

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gazette.comments import services
from gazette.comments.models import Comment, Thread
from gazette.sites import queries as site_queries
from tests.api.helpers import (
    ORIGIN,
    PAGE,
    SiteFactory,
    assert_problem,
    call,
    new_reader_token,
    reader_headers,
)
from tests.comments.helpers import GENEROUS_RATES, posting_as
from tests.factories import DraftArticleFactory, ThreadFactory, yes_no_reaction_set
from tests.querycounts import plus_cache_reads

GENEROUS = override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})


def seed(thread, count, **kwargs):
    """`count` published top-level comments, a second apart, oldest first."""
    start = timezone.now() - timedelta(hours=1)
    comments = []
    for number in range(count):
        comment = services.post_comment(
            thread=thread,
            **posting_as(name=f"Reader {number}", anonymous_id=f"r{number}"),
            body=f"Comment number {number}.",
            **kwargs,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=start + timedelta(seconds=number))
        comments.append(comment)
    return comments


def reply_to(parent, name="Replier", anonymous_id="replier"):
    return services.post_comment(
        thread=parent.thread,
        **posting_as(name=name, anonymous_id=anonymous_id),
        body=f"In reply to {parent.author_name}.",
        parent_id=parent.pk,
    )


@GENEROUS
class ThreadOfPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()

    def test_a_page_gets_its_thread_on_first_read_keyed_by_its_canonical_address(self):
        response = self.client.get(
            "/api/v1/threads", {"site": self.site.key, "url": f"{PAGE}/?utm_source=mail"}
        )
        assert response.status_code == 200
        thread = Thread.objects.get()
        assert (thread.site, thread.key) == (self.site.key, PAGE)
        data = response.json()
        assert data["thread"]["id"] == thread.pk
        assert data["thread"]["url"] == PAGE
        assert data["thread"]["is_open"] is True
        assert data["comments"] == []
        assert "for=comment%3Athread-" in data["thread"]["challenge_url"]

    def test_the_same_page_spelt_otherwise_shares_the_thread(self):
        self.client.get("/api/v1/threads", {"site": self.site.key, "url": PAGE})
        self.client.get(
            "/api/v1/threads",
            {"site": self.site.key, "url": "HTTPS://News.Example.org:443/2026/12/court-ruling#c"},
        )
        assert Thread.objects.count() == 1

    def test_an_unknown_site_is_refused_with_404(self):
        response = self.client.get("/api/v1/threads", {"site": "nobody", "url": PAGE})
        assert_problem(response, 404, "unknown_site")
        assert not Thread.objects.exists()

    def test_a_call_from_an_origin_the_site_does_not_allow_is_refused_with_403(self):
        response = self.client.get(
            "/api/v1/threads",
            {"site": self.site.key, "url": PAGE},
            HTTP_ORIGIN="https://elsewhere.example",
        )
        assert_problem(response, 403, "origin_refused")
        assert not Thread.objects.exists()

    def test_an_origin_the_newsroom_removes_is_refused_from_the_next_call(self):
        query = {"site": self.site.key, "url": PAGE}
        assert self.client.get("/api/v1/threads", query, HTTP_ORIGIN=ORIGIN).status_code == 200
        self.site.allowed_origins = ["https://elsewhere.example"]
        self.site.save()
        response = self.client.get("/api/v1/threads", query, HTTP_ORIGIN=ORIGIN)
        assert_problem(response, 403, "origin_refused")

    def test_a_call_from_the_sites_own_origin_is_answered(self):
        response = self.client.get(
            "/api/v1/threads", {"site": self.site.key, "url": PAGE}, HTTP_ORIGIN=ORIGIN
        )
        assert response.status_code == 200

    def test_a_page_outside_the_sites_origins_is_refused_naming_the_field(self):
        response = self.client.get(
            "/api/v1/threads", {"site": self.site.key, "url": "https://elsewhere.example/a"}
        )
        problem = assert_problem(response, 422, "page_not_on_site")
        assert [error["field"] for error in problem["errors"]] == ["url"]
        assert not Thread.objects.exists()

    def test_text_that_is_not_a_page_address_is_refused(self):
        response = self.client.get("/api/v1/threads", {"site": self.site.key, "url": "ftp://x"})
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "url"

    def test_an_address_with_credentials_is_no_page_address(self):
        address = "https://reader:secret@news.example.org/story"
        response = self.client.get("/api/v1/threads", {"site": self.site.key, "url": address})
        problem = assert_problem(response, 422, "not_a_page_address")
        assert problem["errors"][0]["field"] == "url"

    def test_our_own_pages_are_asked_for_by_article(self):
        response = self.client.get("/api/v1/threads", {"site": "main", "url": PAGE})
        assert_problem(response, 422, "own_site_page")

    def test_a_missing_parameter_is_named(self):
        response = self.client.get("/api/v1/threads", {"site": self.site.key})
        problem = assert_problem(response, 422, "invalid_input")
        assert [error["field"] for error in problem["errors"]] == ["url"]

    def test_a_page_number_below_one_is_refused(self):
        response = self.client.get(
            "/api/v1/threads", {"site": self.site.key, "url": PAGE, "page": "0"}
        )
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "page"


@GENEROUS
class ThreadReadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()
        cls.comments = seed(cls.thread, 3)
        cls.reply = reply_to(cls.comments[0])

    def url(self):
        return f"/api/v1/threads/{self.thread.pk}"

    def test_a_thread_lists_its_comments_in_reading_order_with_replies_under_them(self):
        data = self.client.get(self.url()).json()
        ids = [comment["id"] for comment in data["comments"]]
        first, second, third = self.comments
        assert ids == [first.pk, self.reply.pk, second.pk, third.pk]
        assert data["comments"][1]["parent"] == first.pk
        assert data["comments"][1]["depth"] == 1
        assert data["thread"]["comment_count"] == 4
        assert data["comments"][0]["body_html"] == "<p>Comment number 0.</p>"

    def test_newest_first_puts_the_last_comment_on_top(self):
        data = self.client.get(self.url(), {"sort": "newest"}).json()
        assert data["sort"] == "newest"
        assert data["comments"][0]["id"] == self.comments[2].pk

    def test_an_unknown_sort_is_refused_naming_it(self):
        response = self.client.get(self.url(), {"sort": "loudest"})
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "sort"

    @override_settings(GAZETTE_COMMENTS_PER_PAGE=2)
    def test_pages_split_the_top_level_comments(self):
        second_page = self.client.get(self.url(), {"page": 2}).json()
        assert second_page["pages"] == 2
        assert [c["id"] for c in second_page["comments"]] == [self.comments[2].pk]

    def test_an_article_thread_is_read_through_its_article(self):
        response = self.client.get(f"/api/v1/articles/{self.thread.article_id}/thread")
        assert response.json()["thread"]["id"] == self.thread.pk

    def test_an_article_readers_cannot_see_has_no_thread_to_read(self):
        draft = DraftArticleFactory()
        hidden = ThreadFactory(article=draft)
        assert_problem(self.client.get(f"/api/v1/articles/{draft.pk}/thread"), 404, "not_found")
        assert_problem(self.client.get(f"/api/v1/threads/{hidden.pk}"), 404, "not_found")

    def test_a_thread_that_does_not_exist_is_404(self):
        assert_problem(self.client.get("/api/v1/threads/999999"), 404, "not_found")

    def test_a_deleted_comment_with_replies_is_a_placeholder_without_its_words(self):
        Comment.objects.filter(pk=self.comments[0].pk).update(state=Comment.State.DELETED)
        placeholder = self.client.get(self.url()).json()["comments"][0]
        assert placeholder["state"] == "deleted"
        assert placeholder["author_name"] == ""
        assert placeholder["body_html"] == ""

    def test_the_answer_says_a_shared_cache_may_keep_it_with_an_etag(self):
        response = self.client.get(self.url())
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"
        assert response["ETag"].startswith('"')

    def test_asking_again_with_the_etag_is_answered_304_until_the_thread_changes(self):
        etag = self.client.get(self.url())["ETag"]
        again = self.client.get(self.url(), HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        reply_to(self.comments[1], name="Late", anonymous_id="late")
        changed = self.client.get(self.url(), HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200
        assert changed["ETag"] != etag

    def test_a_public_answer_made_once_is_served_again_until_the_thread_changes(self):
        first = self.client.get(self.url())
        with CaptureQueriesContext(connection) as again:
            second = self.client.get(self.url())
        assert second.content == first.content
        # The thread's version is read; its comments are not.
        assert not [q for q in again.captured_queries if "comments_comment" in q["sql"]]
        late = reply_to(self.comments[2], name="Late", anonymous_id="late")
        changed = self.client.get(self.url()).json()
        assert late.pk in [comment["id"] for comment in changed["comments"]]

    def test_a_kept_answer_comes_gzipped_to_a_caller_that_asks(self):
        plain = self.client.get(self.url())
        packed = self.client.get(self.url(), HTTP_ACCEPT_ENCODING="gzip, br")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert "Accept-Encoding" in packed["Vary"]

    def test_a_reader_with_a_token_sees_their_likes_privately(self):
        token = new_reader_token(self.client)
        headers = reader_headers(token)
        call(self.client, "PUT", f"/api/v1/comments/{self.comments[1].pk}/like", **headers)
        response = self.client.get(self.url(), **headers)
        liked = {c["id"]: c["liked"] for c in response.json()["comments"]}
        assert liked[self.comments[1].pk] is True
        assert liked[self.comments[0].pk] is False
        assert response["Cache-Control"] == "private, no-cache"
        anonymous = self.client.get(self.url()).json()["comments"]
        assert {c["liked"] for c in anonymous} == {None}


@GENEROUS
class FirstScreenTests(TestCase):
    """The widget's first screen (thread, first page, poll) comes in one call."""

    @classmethod
    def setUpTestData(cls):
        yes_no_reaction_set()
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)
        seed(cls.thread, 2)

    def first_screen(self, **headers):
        query = {"site": self.site.key, "url": PAGE, "with_poll": "true"}
        return self.client.get("/api/v1/threads", query, **headers)

    def test_the_poll_comes_with_the_thread_as_the_reader_sees_it(self):
        headers = reader_headers(new_reader_token(self.client))
        call(
            self.client,
            "PUT",
            f"/api/v1/threads/{self.thread.pk}/poll",
            {"choice": "no"},
            **headers,
        )
        data = self.first_screen(**headers).json()
        assert len(data["comments"]) == 2
        assert data["poll"]["total"] == 1
        assert [c["chosen"] for c in data["poll"]["choices"]] == [False, True]
        # Without the question, no poll is read or sent.
        assert (
            self.client.get("/api/v1/threads", {"site": self.site.key, "url": PAGE}).json()["poll"]
            is None
        )

    def test_another_readers_vote_makes_the_kept_first_screen_stale(self):
        poll = f"/api/v1/threads/{self.thread.pk}/poll"
        reader = reader_headers(new_reader_token(self.client))
        call(self.client, "PUT", poll, {"choice": "yes"}, **reader)
        etag = self.first_screen(**reader)["ETag"]
        assert self.first_screen(HTTP_IF_NONE_MATCH=etag, **reader).status_code == 304
        other = reader_headers(new_reader_token(self.client))
        call(self.client, "PUT", poll, {"choice": "no"}, **other)
        fresh = self.first_screen(HTTP_IF_NONE_MATCH=etag, **reader)
        assert fresh.status_code == 200
        assert fresh.json()["poll"]["total"] == 2


@GENEROUS
class BoundedReadTests(TestCase):
    """A thread is read in the same number of queries however long it is."""

    def queries_to_read(self, count):
        thread = ThreadFactory()
        for root in seed(thread, count):
            reply_to(root, anonymous_id=f"replier-{root.pk}")
        token = new_reader_token(self.client)
        site_queries.forget_kept()  # each read as a process reads it first
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(f"/api/v1/threads/{thread.pk}", **reader_headers(token))
        assert response.status_code == 200
        assert len(response.json()["comments"]) == min(count, 30) * 2
        return len(captured)

    def test_three_comments_and_sixty_cost_the_same_queries(self):
        assert self.queries_to_read(3) == self.queries_to_read(60)

    def test_a_thread_page_costs_a_fixed_small_number_of_queries(self):
        thread = ThreadFactory()
        seed(thread, 3)
        token = new_reader_token(self.client)
        # The thread (with its article), its site, the closed section, the roots' count, the
        # roots, their replies and the reader's likes.
        with self.assertNumQueries(plus_cache_reads(7, 0)):
            self.client.get(f"/api/v1/threads/{thread.pk}", **reader_headers(token))


@GENEROUS
class RepliesAndLocationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()
        (cls.root,) = seed(cls.thread, 1)
        cls.replies = [reply_to(cls.root, anonymous_id=f"r-{n}") for n in range(5)]

    def test_a_thread_page_counts_the_replies_it_does_not_list(self):
        data = self.client.get(f"/api/v1/threads/{self.thread.pk}").json()
        root = data["comments"][0]
        assert root["more_replies"] == 2
        assert len(data["comments"]) == 4

    def test_the_replies_of_a_top_level_comment_are_all_listed(self):
        data = self.client.get(f"/api/v1/comments/{self.root.pk}/replies").json()
        assert [c["id"] for c in data["comments"]] == [self.root.pk] + [r.pk for r in self.replies]

    def test_a_reply_has_no_list_of_replies(self):
        response = self.client.get(f"/api/v1/comments/{self.replies[0].pk}/replies")
        assert_problem(response, 404, "not_found")

    def test_a_comment_on_the_thread_page_is_located_there(self):
        data = self.client.get(f"/api/v1/comments/{self.replies[0].pk}/location").json()
        assert data == {
            "thread": self.thread.pk,
            "sort": "oldest",
            "page": 1,
            "replies_of": None,
            "anchor": f"comment-{self.replies[0].pk}",
        }

    def test_a_reply_beyond_the_first_few_is_located_on_its_roots_replies(self):
        data = self.client.get(f"/api/v1/comments/{self.replies[4].pk}/location").json()
        assert data["replies_of"] == self.root.pk

    def test_a_held_comment_has_no_location(self):
        Comment.objects.filter(pk=self.replies[0].pk).update(state=Comment.State.PENDING)
        response = self.client.get(f"/api/v1/comments/{self.replies[0].pk}/location")
        assert_problem(response, 404, "not_found")


@GENEROUS
class CountsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)
        seed(cls.thread, 2)

    def test_counts_of_pages_come_in_the_order_asked_with_zero_for_pages_without_comments(self):
        other = f"{ORIGIN}/2026/12/other-story"
        response = self.client.get(
            "/api/v1/counts", {"site": self.site.key, "url": [other, f"{PAGE}?utm_medium=x"]}
        )
        assert response.json() == {
            "site": self.site.key,
            "counts": [
                {"url": other, "comment_count": 0},
                {"url": f"{PAGE}?utm_medium=x", "comment_count": 2},
            ],
        }
        assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"

    def test_a_hundred_pages_are_counted_in_one_query(self):
        urls = [f"{ORIGIN}/story-{n}" for n in range(100)]
        # The site, then the threads.
        with self.assertNumQueries(2):
            response = self.client.get("/api/v1/counts", {"site": self.site.key, "url": urls})
        assert len(response.json()["counts"]) == 100

    def test_more_than_a_hundred_pages_are_refused_naming_the_field(self):
        urls = [f"{ORIGIN}/story-{n}" for n in range(101)]
        response = self.client.get("/api/v1/counts", {"site": self.site.key, "url": urls})
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "url"

    def test_a_bad_address_among_them_is_named(self):
        response = self.client.get("/api/v1/counts", {"site": self.site.key, "url": ["nope"]})
        # The field, and which of the addresses.
        assert assert_problem(response, 422, "invalid_input")["errors"][0]["field"] == "url.0"
        address = "https://reader:secret@news.example.org/story"
        response = self.client.get("/api/v1/counts", {"site": self.site.key, "url": [address]})
        assert assert_problem(response, 422, "not_a_page_address")["errors"][0]["field"] == "url"

    def test_counts_change_their_etag_when_a_comment_arrives(self):
        query = {"site": self.site.key, "url": [PAGE]}
        etag = self.client.get("/api/v1/counts", query)["ETag"]
        assert self.client.get("/api/v1/counts", query, HTTP_IF_NONE_MATCH=etag).status_code == 304
        seed(self.thread, 1)
        assert self.client.get("/api/v1/counts", query, HTTP_IF_NONE_MATCH=etag).status_code == 200
