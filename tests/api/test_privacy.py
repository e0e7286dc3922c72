"""No answer of the API shows an e-mail address, an IP address, its hash or a reader's key."""

from django.test import TestCase, override_settings

from gazette.comments import services
from gazette.comments.models import Comment
from tests.api.helpers import (
    ORIGIN,
    PAGE,
    SiteFactory,
    call,
    new_comment,
    new_reader_token,
    reader_headers,
)
from tests.comments.helpers import GENEROUS_RATES
from tests.factories import yes_no_reaction_set

IP = "198.51.100.23"
EMAIL = "dana@example.org"


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class NothingPersonalTests(TestCase):
    def test_no_answer_about_a_discussion_shows_anything_personal(self):
        yes_no_reaction_set()
        site = SiteFactory()
        thread = services.thread_for_page(site=site, url=PAGE)
        token = new_reader_token(self.client)
        who = {**reader_headers(token), "REMOTE_ADDR": IP, "HTTP_ORIGIN": ORIGIN}
        posted = call(
            self.client,
            "POST",
            f"/api/v1/threads/{thread.pk}/comments",
            new_comment(thread, email=EMAIL, notify=True),
            **who,
        )
        root = posted.json()["comment"]["id"]
        reply = call(
            self.client,
            "POST",
            f"/api/v1/threads/{thread.pk}/comments",
            new_comment(thread, body="A reply.", email=EMAIL, parent=root),
            **who,
        )
        comment = Comment.objects.get(pk=root)
        other = new_reader_token(self.client)
        answers = [
            posted,
            reply,
            self.client.get(f"/api/v1/threads/{thread.pk}", **who),
            self.client.get("/api/v1/threads", {"site": site.key, "url": PAGE}, **who),
            self.client.get(f"/api/v1/comments/{root}/replies", **who),
            self.client.get(f"/api/v1/comments/{root}/location", **who),
            self.client.get("/api/v1/counts", {"site": site.key, "url": [PAGE]}, **who),
            self.client.get(f"/api/v1/comment-status/{posted.json()['status_token']}", **who),
            call(self.client, "PUT", f"/api/v1/threads/{thread.pk}/poll", {"choice": "yes"}, **who),
            call(self.client, "PUT", f"/api/v1/comments/{root}/like", **reader_headers(other)),
            call(
                self.client,
                "POST",
                f"/api/v1/comments/{root}/reports",
                {"clause": 1, "email": "reporter@example.org"},
                **reader_headers(other),
            ),
        ]
        personal = [EMAIL, "reporter@example.org", IP, comment.ip_hash, comment.author_key]
        assert comment.ip_hash
        for response in answers:
            assert response.status_code < 300, response.content
            text = response.content.decode() + " ".join(
                f"{name}: {value}" for name, value in response.items()
            )
            for value in personal:
                assert value not in text, (response.request["PATH_INFO"], value)
