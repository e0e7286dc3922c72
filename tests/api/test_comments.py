from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from gazette.comments import services
from gazette.comments.models import Comment, CommentLike
from gazette.moderation.models import Report
from tests.api.helpers import (
    ORIGIN,
    PAGE,
    SiteFactory,
    assert_problem,
    call,
    captcha_for,
    new_comment,
    new_reader_token,
    reader_headers,
)
from tests.challenges.solving import clock_at
from tests.comments.helpers import GENEROUS_RATES, posting_as
from tests.factories import ThreadFactory

GENEROUS = override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
# Nothing listens here: the shared store that counts rate limits is down.
STORE_DOWN = {
    "CACHES": {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
}


def author_headers(token):
    return {"HTTP_X_GAZETTE_AUTHOR": token}


@GENEROUS
class PostCommentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)

    def post(self, body, **headers):
        return call(
            self.client, "POST", f"/api/v1/threads/{self.thread.pk}/comments", body, **headers
        )

    def test_a_comment_from_the_sites_page_is_published_and_counted(self):
        response = self.post(new_comment(self.thread), HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 201, response.content
        data = response.json()
        comment = Comment.objects.get()
        assert data["comment"]["id"] == comment.pk
        assert data["comment"]["state"] == "published"
        assert (
            data["comment"]["body_html"] == "<p>The <em>ruling</em> is worth reading in full.</p>"
        )
        assert data["comment_count"] == 1
        assert data["message"] == "Your comment is published."
        assert response["Cache-Control"] == "no-store"
        listed = self.client.get(f"/api/v1/threads/{self.thread.pk}").json()
        assert [c["id"] for c in listed["comments"]] == [comment.pk]

    def test_the_reader_token_sent_is_the_comments_author(self):
        token = new_reader_token(self.client)
        data = self.post(new_comment(self.thread), **reader_headers(token)).json()
        comment = Comment.objects.get()
        assert data["reader_token"] == token
        assert comment.author_key.startswith("anon:")
        again = self.client.post("/api/v1/readers", **reader_headers(token)).json()
        assert again["reader_token"] == token

    def test_a_reply_is_attached_to_its_parent(self):
        parent = self.post(new_comment(self.thread)).json()["comment"]
        reply = self.post(new_comment(self.thread, body="Agreed.", parent=parent["id"])).json()
        assert reply["comment"]["parent"] == parent["id"]
        assert reply["comment"]["in_reply_to_name"] == "Dana"

    def test_the_status_token_reads_the_comments_status(self):
        data = self.post(new_comment(self.thread)).json()
        status = self.client.get(f"/api/v1/comment-status/{data['status_token']}").json()
        assert status["comment"] == data["comment"]["id"]
        assert status["state"] == "published"
        assert status["decisions"] == []
        assert data["status_url"].endswith(f"/comment-status/{data['status_token']}/")

    def test_without_the_captcha_nothing_is_posted_and_the_field_is_named(self):
        response = self.post(new_comment(self.thread, altcha=""))
        problem = assert_problem(response, 422, "captcha_refused")
        assert "altcha" in [error["field"] for error in problem["errors"]]
        assert not Comment.objects.exists()

    def test_a_captcha_solved_for_another_thread_is_refused(self):
        other = services.thread_for_page(site=self.site, url=f"{ORIGIN}/other")
        response = self.post(new_comment(self.thread, altcha=captcha_for(other)))
        assert_problem(response, 422, "captcha_refused")

    def test_a_captcha_is_spent_once(self):
        body = new_comment(self.thread)
        assert self.post(body).status_code == 201
        replay = self.post({**body, "body": "Another text, same solution."})
        assert_problem(replay, 422, "captcha_refused")
        assert Comment.objects.count() == 1

    def test_without_accepting_the_policy_nothing_is_posted(self):
        response = self.post(new_comment(self.thread, accept_policy=False))
        problem = assert_problem(response, 422, "invalid_input")
        assert [error["field"] for error in problem["errors"]] == ["accept_policy"]
        assert not Comment.objects.exists()

    def test_a_body_of_the_wrong_type_is_named(self):
        response = self.post(new_comment(self.thread, body=["not", "text"]))
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "body"

    def test_a_reply_to_a_comment_of_another_thread_is_refused(self):
        elsewhere = services.post_comment(
            thread=ThreadFactory(), **posting_as(name="Sam", anonymous_id="sam"), body="Hi."
        )
        response = self.post(new_comment(self.thread, parent=elsewhere.pk))
        problem = assert_problem(response, 422, "parent_not_found")
        assert problem["errors"][0]["field"] == "parent"

    def test_a_closed_thread_takes_no_comment(self):
        services.close_thread(thread=self.thread, reason="Closed after the verdict.")
        response = self.post(new_comment(self.thread))
        problem = assert_problem(response, 409, "comments_closed")
        assert problem["detail"] == "Closed after the verdict."

    def test_a_sites_pre_moderation_holds_comments_on_its_pages(self):
        self.site.moderation_mode = "pre"
        self.site.save()
        data = self.post(new_comment(self.thread)).json()
        assert data["comment"]["state"] == "pending"
        assert data["comment_count"] == 0

    def test_a_call_from_another_origin_is_refused(self):
        response = self.post(new_comment(self.thread), HTTP_ORIGIN="https://elsewhere.example")
        assert_problem(response, 403, "origin_refused")
        assert not Comment.objects.exists()

    @override_settings(
        GAZETTE_CHALLENGES={"RATES": {"comment": {"reader": "1/600", "ip": "9/600"}}}
    )
    def test_too_many_comments_are_refused_with_429_and_when_to_retry(self):
        token = new_reader_token(self.client)
        assert self.post(new_comment(self.thread), **reader_headers(token)).status_code == 201
        response = self.post(new_comment(self.thread, body="And again."), **reader_headers(token))
        assert_problem(response, 429, "rate_limited")
        assert int(response["Retry-After"]) > 0

    def test_an_oversized_body_is_refused_with_413(self):
        response = self.post(new_comment(self.thread, body="x" * 70_000))
        assert_problem(response, 413, "payload_too_large")

    def test_a_body_that_is_not_json_is_refused_as_malformed(self):
        response = self.client.post(
            f"/api/v1/threads/{self.thread.pk}/comments",
            "{not json",
            content_type="application/json",
        )
        assert_problem(response, 400, "malformed_request")

    def test_no_answer_shows_an_email_address_or_an_ip(self):
        body = new_comment(self.thread, email="dana@example.org", notify=True)
        posted = self.post(body, REMOTE_ADDR="198.51.100.23")
        read = self.client.get(f"/api/v1/threads/{self.thread.pk}")
        status = self.client.get(f"/api/v1/comment-status/{posted.json()['status_token']}")
        comment = Comment.objects.get()
        for response in (posted, read, status):
            text = response.content.decode()
            assert "dana@example.org" not in text
            assert "198.51.100.23" not in text
            assert comment.ip_hash not in text
            assert comment.author_key not in text


@GENEROUS
class AuthorChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)

    def setUp(self):
        posted = call(
            self.client,
            "POST",
            f"/api/v1/threads/{self.thread.pk}/comments",
            new_comment(self.thread),
        ).json()
        self.comment_id = posted["comment"]["id"]
        self.proof = author_headers(posted["author_token"])

    def test_the_author_edits_with_the_token_given_at_posting(self):
        response = call(
            self.client,
            "PATCH",
            f"/api/v1/comments/{self.comment_id}",
            {"body": "Fixed."},
            **self.proof,
        )
        assert response.status_code == 200
        assert response.json()["body_html"] == "<p>Fixed.</p>"
        assert Comment.objects.get().revisions.count() == 1

    def test_an_edit_without_the_token_is_refused(self):
        response = call(
            self.client, "PATCH", f"/api/v1/comments/{self.comment_id}", {"body": "Mine"}
        )
        assert_problem(response, 403, "not_comment_author")
        assert Comment.objects.get().body == "The *ruling* is worth reading in full."

    def test_a_forged_token_proves_nothing(self):
        response = call(
            self.client,
            "DELETE",
            f"/api/v1/comments/{self.comment_id}",
            **author_headers("MQ:forged:signature"),
        )
        assert_problem(response, 403, "not_comment_author")

    def test_an_empty_edit_is_refused_naming_the_body(self):
        response = call(
            self.client,
            "PATCH",
            f"/api/v1/comments/{self.comment_id}",
            {"body": "  "},
            **self.proof,
        )
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "body"

    def test_after_the_window_the_author_can_no_longer_edit(self):
        later = timezone.now() + timedelta(minutes=16)
        Comment.objects.filter(pk=self.comment_id).update(
            created_at=timezone.now() - timedelta(minutes=16)
        )
        with clock_at(later - timedelta(minutes=16)):
            response = call(
                self.client,
                "PATCH",
                f"/api/v1/comments/{self.comment_id}",
                {"body": "Late."},
                **self.proof,
            )
        assert_problem(response, 409, "edit_window_closed")

    def test_the_author_gets_what_they_wrote_to_edit_it(self):
        response = self.client.get(f"/api/v1/comments/{self.comment_id}/source", **self.proof)
        assert response.status_code == 200
        source = response.json()
        # The Markdown as written, not the text of the HTML made from it.
        assert source["body"] == "The *ruling* is worth reading in full."
        comment = Comment.objects.get()
        closes = comment.created_at + timedelta(minutes=15)
        assert abs(parse_datetime(source["editable_until"]) - closes) < timedelta(milliseconds=1)
        assert response["Cache-Control"] == "no-store"

    def test_what_a_comment_said_before_the_html_is_kept_from_other_readers(self):
        response = self.client.get(f"/api/v1/comments/{self.comment_id}/source")
        assert_problem(response, 403, "not_comment_author")

    def test_after_the_window_the_text_to_edit_is_no_longer_given(self):
        Comment.objects.filter(pk=self.comment_id).update(
            created_at=timezone.now() - timedelta(minutes=16)
        )
        response = self.client.get(f"/api/v1/comments/{self.comment_id}/source", **self.proof)
        assert_problem(response, 409, "edit_window_closed")

    def test_the_author_deletes_their_comment(self):
        response = call(self.client, "DELETE", f"/api/v1/comments/{self.comment_id}", **self.proof)
        assert response.status_code == 204
        assert Comment.objects.get().state == Comment.State.DELETED
        gone = call(self.client, "DELETE", f"/api/v1/comments/{self.comment_id}", **self.proof)
        assert_problem(gone, 404, "not_found")


@GENEROUS
class LikeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()
        cls.comment = services.post_comment(
            thread=cls.thread, **posting_as(name="Sam", anonymous_id="sam"), body="A view."
        )

    def url(self):
        return f"/api/v1/comments/{self.comment.pk}/like"

    def test_a_like_without_a_reader_token_is_refused_with_401(self):
        response = call(self.client, "PUT", self.url())
        assert_problem(response, 401, "reader_token_required")
        assert not CommentLike.objects.exists()

    def test_a_reader_likes_once_whatever_is_sent_twice(self):
        headers = reader_headers(new_reader_token(self.client))
        assert call(self.client, "PUT", self.url(), **headers).json() == {
            "liked": True,
            "like_count": 1,
        }
        assert call(self.client, "PUT", self.url(), **headers).json() == {
            "liked": True,
            "like_count": 1,
        }
        assert call(self.client, "DELETE", self.url(), **headers).json() == {
            "liked": False,
            "like_count": 0,
        }

    def test_a_like_of_a_comment_that_does_not_exist_is_404(self):
        headers = reader_headers(new_reader_token(self.client))
        assert_problem(
            call(self.client, "PUT", "/api/v1/comments/999999/like", **headers), 404, "not_found"
        )

    def test_a_closed_thread_takes_no_like(self):
        services.close_thread(thread=self.thread)
        headers = reader_headers(new_reader_token(self.client))
        assert_problem(call(self.client, "PUT", self.url(), **headers), 409, "comments_closed")

    @override_settings(**STORE_DOWN)
    def test_likes_are_refused_with_503_while_the_rate_limits_cannot_be_counted(self):
        headers = reader_headers(new_reader_token(self.client))
        response = call(self.client, "PUT", self.url(), **headers)
        assert_problem(response, 503, "limits_unavailable")
        assert not CommentLike.objects.exists()


@GENEROUS
class ReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.thread = ThreadFactory()
        cls.comment = services.post_comment(
            thread=cls.thread, **posting_as(name="Sam", anonymous_id="sam"), body="A view."
        )

    def setUp(self):
        self.headers = reader_headers(new_reader_token(self.client))

    def report(self, body, **headers):
        return call(
            self.client, "POST", f"/api/v1/comments/{self.comment.pk}/reports", body, **headers
        )

    def test_a_report_under_a_clause_in_force_is_recorded(self):
        response = self.report({"clause": 1, "note": "An insult."}, **self.headers)
        assert response.status_code == 201, response.content
        report = Report.objects.get()
        assert report.clause.number == 1
        assert response.json()["status_url"].endswith("/")

    def test_a_report_needs_a_reader_token(self):
        assert_problem(self.report({"clause": 1}), 401, "reader_token_required")

    def test_a_clause_not_in_force_is_named(self):
        problem = assert_problem(self.report({"clause": 999}, **self.headers), 422, "invalid_input")
        assert problem["errors"][0]["field"] == "clause"
        assert not Report.objects.exists()

    def test_a_reader_reports_a_comment_once(self):
        self.report({"clause": 1}, **self.headers)
        assert_problem(self.report({"clause": 1}, **self.headers), 409, "already_reported")
