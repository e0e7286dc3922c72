"""The live updates as a listener receives them: the stream of a page or of the queue, opened
on the real ASGI application against the real services, with a stand-in for the server."""

from __future__ import annotations

import asyncio
import os

import pytest
import redis
from asgiref.sync import sync_to_async
from django.db import transaction
from django.test import TestCase, override_settings
from django.urls import reverse

from gazette.comments.live import thread_channel
from gazette.comments.models import Comment
from gazette.comments.services import AuthorProof, edit_comment, thread_for_page
from gazette.comments.services.changes import change_comment_state
from gazette.live.channels import MODERATION, page_channel
from gazette.live.events import WAKE_CHANNEL
from gazette.live.models import LiveEvent
from gazette.moderation.models import ModerationSettings
from gazette.moderation.roles import EDITOR, MODERATOR
from gazette.moderation.services import claims, decisions
from gazette.reactions.services import cast_reaction
from gazette.reactions.targets import PollTarget
from tests.api.helpers import ORIGIN, PAGE, SiteFactory
from tests.factories import ThreadFactory, reader_of_tests, yes_no_reaction_set
from tests.live.streaming import Stream, deliver, hub_for_tests
from tests.moderation.factories import WHY, ClauseFactory, post, staff_in


class RollbackError(Exception):
    pass


class LiveTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        ModerationSettings.objects.create(pk=1, profanity_threshold=0)
        cls.thread = ThreadFactory()
        cls.other = ThreadFactory()
        cls.moderator = staff_in(MODERATOR)
        cls.clause = ClauseFactory(number=3, key="attacks", title="No personal attacks")

    def setUp(self) -> None:
        self.hub = hub_for_tests()
        self.channel = thread_channel(self.thread)

    def posted(self, body: str = "The court should publish its reasoning.", **author):
        """Post and commit (the test's transaction stands in for the request's)."""

        def run():
            with self.captureOnCommitCallbacks(execute=True):
                return post(self.thread, body, **author)

        return sync_to_async(run)()

    def committed(self, function, **kwargs):
        def run():
            with self.captureOnCommitCallbacks(execute=True):
                return function(**kwargs)

        return sync_to_async(run)()

    def edited_by_author(self, comment, body):
        return self.committed(
            edit_comment,
            comment_id=comment.pk,
            proof=AuthorProof(comment_ids=frozenset({comment.pk})),
            body=body,
        )

    def removed_by_moderator(self, comment):
        return self.committed(
            decisions.remove_comment,
            comment=comment,
            actor=self.moderator,
            clause=self.clause,
            explanation=WHY,
        )

    def stream(self, *channels: str, **options) -> Stream:
        return Stream(self.hub, list(channels or [self.channel]), **options)


class PublishingTests(LiveTestCase):
    async def test_a_published_comment_reaches_the_listeners_of_its_page(self):
        listener = await self.stream().open()
        comment = await self.posted("Nine years seems fair.")
        await deliver(self.hub)
        assert listener.status == 200
        assert [kind for _id, kind in listener.events()] == ["comment"]
        assert "Nine years seems fair." in listener.text
        assert f'id=\\"comment-{comment.pk}\\"' in listener.text
        assert listener.data("comment")[0]["count"] == 1
        await listener.close()

    async def test_a_listener_of_another_page_hears_nothing(self):
        listener = await self.stream(thread_channel(self.other)).open()
        await self.posted()
        await deliver(self.hub)
        assert listener.events() == []
        await listener.close()

    async def test_a_rolled_back_change_publishes_nothing(self):
        listener = await self.stream().open()

        def post_then_fail():
            with self.captureOnCommitCallbacks(execute=True), transaction.atomic():
                post(self.thread, "Never kept.")
                raise RollbackError

        with pytest.raises(RollbackError):
            await sync_to_async(post_then_fail)()
        assert await deliver(self.hub) == 0
        assert listener.events() == []
        assert not await LiveEvent.objects.filter(channel=self.channel).aexists()
        await listener.close()

    async def test_a_stream_costs_no_query_per_event(self):
        listeners = [await self.stream(address=f"198.51.100.{n}").open() for n in range(5)]
        await self.posted("One.")
        await self.posted("Two.")

        def read():
            with self.assertNumQueries(1):
                self.hub.read_new()

        await sync_to_async(read)()
        await deliver(self.hub)
        assert [len(listener.events()) for listener in listeners] == [2, 2, 2, 2, 2]
        for listener in listeners:
            await listener.close()


class ResumeTests(LiveTestCase):
    async def test_resuming_gives_exactly_the_missed_events_once(self):
        first = await self.stream().open()
        await self.posted("One.")
        await deliver(self.hub)
        [(seen, _kind)] = first.events()
        await first.close()
        await self.posted("Two.")
        await self.posted("Three.")
        await deliver(self.hub)
        again = await self.stream(last_event_id=str(seen)).open()
        await self.posted("Four.")
        await deliver(self.hub)
        ids = [event_id for event_id, _kind in again.events()]
        expected = [
            pk
            async for pk in LiveEvent.objects.filter(id__gt=seen)
            .order_by("id")
            .values_list("id", flat=True)
        ]
        assert ids == expected
        assert len(ids) == 3
        await again.close()

    async def test_resuming_from_further_back_than_the_hub_keeps_reads_the_log(self):
        first = await self.posted("One.")
        await self.posted("Two.")
        await self.posted("Three.")
        events = [pk async for pk in LiveEvent.objects.order_by("id").values_list("id", flat=True)]
        # A worker started since (the ring holds nothing older than its start).
        self.hub = hub_for_tests(first_replay_seconds=0)
        resumed = await self.stream(last_event_id=str(events[0])).open()
        assert [event_id for event_id, _kind in resumed.events()] == events[1:]
        assert first.body not in resumed.text
        await resumed.close()

    async def test_a_stream_that_missed_too_much_is_told_to_reload(self):
        await self.posted("One.")
        await self.posted("Two.")
        await self.posted("Three.")
        first = await LiveEvent.objects.order_by("id").afirst()
        self.hub = hub_for_tests(first_replay_seconds=0, replay_limit=1)
        resumed = await self.stream(last_event_id=str(first.pk)).open()
        assert "event: reset" in resumed.text
        assert resumed.events() == []
        await resumed.close()

    async def test_a_first_connection_receives_the_last_minutes_events(self):
        await self.posted("Just before the page opened its stream.")
        self.hub = hub_for_tests()
        listener = await self.stream().open()
        assert [kind for _id, kind in listener.events()] == ["comment"]
        await listener.close()


class VisibilityTests(LiveTestCase):
    async def test_a_held_comment_is_never_sent_on_the_page_but_is_to_moderators(self):
        await ModerationSettings.objects.filter(pk=1).aupdate(mode="pre")
        page = await self.stream().open()
        queue = await self.stream(MODERATION, headers=await self.session_of(self.moderator)).open()
        comment = await self.posted("Wait for a moderator.")
        await deliver(self.hub)
        assert comment.state == "pending"
        assert page.events() == []
        assert [kind for _id, kind in queue.events()] == ["held"]
        assert "Wait for a moderator." not in queue.text
        await page.close()
        await queue.close()

    async def test_a_removal_is_sent_with_the_new_count(self):
        comment = await self.posted("A view the moderator will remove.")
        listener = await self.stream().open()
        await self.removed_by_moderator(comment)
        await deliver(self.hub)
        kinds = [kind for _id, kind in listener.events()]
        assert kinds[-1] == "comment-removed"
        assert listener.data("comment-removed")[-1]["count"] == 0
        await listener.close()

    async def test_an_edit_sends_the_new_text(self):
        comment = await self.posted("First thoughts.", anonymous_id="reader-9")
        listener = await self.stream().open()
        await self.edited_by_author(comment, "Second thoughts.")
        await deliver(self.hub)
        assert [kind for _id, kind in listener.events()][-1] == "comment-edited"
        assert "Second thoughts." in listener.text
        await listener.close()

    async def session_of(self, user) -> list[tuple[bytes, bytes]]:
        await sync_to_async(self.client.force_login)(user)
        return [(b"cookie", f"sessionid={self.client.cookies['sessionid'].value}".encode())]


class PollTests(LiveTestCase):
    async def test_a_vote_sends_the_tallies_on_the_page_channel(self):
        await sync_to_async(yes_no_reaction_set)()
        article = self.thread.article
        target = PollTarget.for_article(article)
        listener = await self.stream(page_channel(target.site, target.key)).open()
        await self.committed(
            cast_reaction, target=target, reader=reader_of_tests("voter-1"), choice="yes"
        )
        await deliver(self.hub)
        assert [kind for _id, kind in listener.events()] == ["poll"]
        [tallies] = listener.data("poll")
        assert {"code": "yes", "count": 1, "percent": 100} in tallies["choices"]
        assert tallies["texts"]["en"]["total"] == "1 vote in total"
        await listener.close()


class QueueStreamTests(LiveTestCase):
    async def test_the_queue_stream_is_refused_to_readers(self):
        refused = await self.stream(MODERATION).open()
        assert refused.status == 403
        assert "moderators only" in refused.text

    async def test_the_queue_stream_is_refused_to_an_editor(self):
        editor = await sync_to_async(staff_in)(EDITOR)
        refused = await self.stream(MODERATION, headers=await self.session_of(editor)).open()
        assert refused.status == 403

    async def test_a_moderator_hears_of_a_decision_taken_by_another(self):
        comment = await self.posted("Report me.")
        queue = await self.stream(MODERATION, headers=await self.session_of(self.moderator)).open()
        await self.removed_by_moderator(comment)
        await deliver(self.hub)
        assert [kind for _id, kind in queue.events()] == ["decided"]
        [decided] = queue.data("decided")
        assert (decided["id"], decided["action"], decided["state"]) == (
            comment.pk,
            "remove",
            "removed",
        )
        await queue.close()

    async def test_a_moderator_hears_of_a_claim_and_its_release(self):
        comment = await self.posted("Claim me.")
        other = await sync_to_async(staff_in)(MODERATOR, display_name="Timur")
        queue = await self.stream(MODERATION, headers=await self.session_of(self.moderator)).open()
        claim = await self.committed(claims.claim_item, comment=comment, actor=other)
        await self.committed(claims.release_item, comment=comment, actor=other)
        await deliver(self.hub)
        assert [kind for _id, kind in queue.events()] == ["claimed", "released"]
        [claimed] = queue.data("claimed")
        assert claimed == {
            "id": comment.pk,
            "by": "Timur",
            "by_id": other.pk,
            "since": claim.claimed_at.isoformat(),
            "until": claim.until.isoformat(),
        }
        assert queue.data("released") == [{"id": comment.pk}]
        await queue.close()

    async def test_a_claim_rolled_back_is_never_heard_of(self):
        comment = await self.posted("Claim me, then think better of it.")
        queue = await self.stream(MODERATION, headers=await self.session_of(self.moderator)).open()

        def claim_then_fail():
            with transaction.atomic():
                claims.claim_item(comment=comment, actor=self.moderator)
                raise RollbackError

        with pytest.raises(RollbackError):
            await sync_to_async(claim_then_fail)()
        await deliver(self.hub)
        assert queue.events() == []
        await queue.close()

    async def test_the_queue_page_is_not_sent_what_it_shows_already(self):
        await ModerationSettings.objects.filter(pk=1).aupdate(mode="pre")
        await self.posted("Held before the queue page was rendered.")
        headers = await self.session_of(self.moderator)
        queue = await self.stream(MODERATION, headers=headers, query=[("replay", "0")]).open()
        assert queue.events() == []
        await self.posted("Held after it opened its stream.")
        await deliver(self.hub)
        assert [kind for _id, kind in queue.events()] == ["held"]
        await queue.close()

    session_of = VisibilityTests.session_of


class BoundsTests(LiveTestCase):
    async def test_the_stream_asks_proxies_not_to_buffer_or_keep_it(self):
        listener = await self.stream().open()
        assert listener.response_headers[b"content-type"].startswith(b"text/event-stream")
        assert listener.response_headers[b"cache-control"].startswith(b"no-cache")
        assert listener.response_headers[b"x-accel-buffering"] == b"no"
        assert listener.text.startswith("retry: 3000\n\n")
        await listener.close()

    async def test_beyond_the_limit_per_address_the_answer_says_so_and_when_to_come_back(self):
        self.hub = hub_for_tests(max_streams_per_address=2)
        kept = [await self.stream().open() for _ in range(2)]
        refused = await self.stream().open()
        elsewhere = await self.stream(address="192.0.2.1").open()
        assert [s.status for s in kept] == [200, 200]
        assert refused.status == 503
        assert refused.response_headers[b"retry-after"] == b"60"
        assert "Too many live updates are open from your address" in refused.text
        assert elsewhere.status == 200
        for stream in [*kept, elsewhere]:
            await stream.close()

    async def test_beyond_the_total_limit_the_answer_says_so(self):
        self.hub = hub_for_tests(max_streams=1)
        kept = await self.stream().open()
        refused = await self.stream(address="192.0.2.1").open()
        assert refused.status == 503
        assert refused.response_headers[b"retry-after"] == b"30"
        assert "busy" in refused.text
        await kept.close()
        # A closed stream gives its place back.
        again = await self.stream(address="192.0.2.1").open()
        assert again.status == 200
        await again.close()

    async def test_an_idle_stream_is_closed_with_a_longer_retry(self):
        self.hub = hub_for_tests(idle_seconds=0.05, heartbeat_seconds=0.02)
        listener = await self.stream().open()
        for _ in range(100):
            if listener.finished:
                break
            await listener.settle()
            await asyncio.sleep(0.01)
        assert listener.finished
        assert listener.text.endswith("retry: 60000\n\n")
        assert ": \n\n" in listener.text  # a heartbeat came first
        assert self.hub.open_count == 0
        await listener.close()

    async def test_an_unknown_channel_is_refused(self):
        refused = await self.stream("thread:12").open()
        assert refused.status == 400


class WsgiTests(TestCase):
    def test_under_wsgi_the_stream_tells_the_browser_not_to_retry(self):
        response = self.client.get(reverse("live:stream"), {"channel": MODERATION})
        assert response.status_code == 204


def _redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    if url:
        return url
    if os.environ.get("CI") == "true":
        # .ci/run starts Redis before every run, the SQLite one included; unreachable, it fails.
        return "redis://127.0.0.1:6379/2"
    pytest.skip("REDIS_URL is not set: the Redis transport is not tested")


class RedisTransportTests(LiveTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.url = _redis_url()
        self.enterContext(override_settings(GAZETTE_LIVE={"REDIS_URL": self.url, "POLL_MS": 150}))

    async def test_a_commit_wakes_every_server_through_redis(self):
        # Redis down is a failure here, never a skip: the client raises.
        redis.Redis.from_url(self.url).ping()
        self.hub = hub_for_tests(redis_url=self.url)
        listener = await self.stream().open()
        pubsub = self.hub._subscribe(self.url)
        try:
            await self.posted("Heard through Redis.")
            woke = await sync_to_async(self.hub._wait_for_redis, thread_sensitive=False)(pubsub)
        finally:
            pubsub.close()
        assert woke
        await deliver(self.hub)
        assert [kind for _id, kind in listener.events()] == ["comment"]
        await listener.close()

    def test_the_wake_channel_is_the_one_subscribed(self):
        assert WAKE_CHANNEL == "gazette:live:wake"


class OtherSitesPagesTests(LiveTestCase):
    """The widget on a registered site's page asks for its page by site and key."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.site = SiteFactory()
        cls.page_thread = thread_for_page(site=cls.site, url=PAGE)

    def page(self, origin: str = ORIGIN, *, asking: str = "", **options) -> Stream:
        """A request from a page of `origin`; `asking` makes it the preflight for that method."""
        query = [("site", self.site.key), ("key", self.page_thread.key)]
        headers = [(b"origin", origin.encode())]
        if asking:
            headers.append((b"access-control-request-method", asking.encode()))
            options["method"] = "OPTIONS"
        return Stream(self.hub, [], headers=headers, query=query, **options)

    def posted_on_page(self, body: str):
        return sync_to_async(self._post_on_page)(body)

    def _post_on_page(self, body: str):
        with self.captureOnCommitCallbacks(execute=True):
            return post(self.page_thread, body)

    async def test_a_page_of_the_site_hears_its_discussion_with_its_origin_named(self):
        listener = await self.page().open()
        await self.posted_on_page("Heard on the partner's page.")
        await deliver(self.hub)
        assert listener.status == 200
        assert listener.response_headers[b"access-control-allow-origin"] == ORIGIN.encode()
        assert listener.response_headers[b"vary"] == b"Origin"
        assert b"access-control-allow-credentials" not in listener.response_headers
        assert [kind for _id, kind in listener.events()] == ["comment"]
        await listener.close()

    async def test_a_page_of_another_origin_is_refused_without_cors_headers(self):
        refused = await self.page("https://elsewhere.example").open()
        assert refused.status == 403
        assert b"access-control-allow-origin" not in refused.response_headers
        assert "not sent to pages of other sites" in refused.text
        assert self.hub.open_count == 0

    async def test_an_unregistered_site_is_refused(self):
        query = [("site", "nobody"), ("key", self.page_thread.key)]
        refused = await Stream(
            self.hub, [], headers=[(b"origin", ORIGIN.encode())], query=query
        ).open()
        assert refused.status == 403
        assert b"access-control-allow-origin" not in refused.response_headers

    async def test_a_channel_asked_for_by_name_is_never_served_to_another_origin(self):
        page = await self.stream(
            thread_channel(self.page_thread), headers=[(b"origin", ORIGIN.encode())]
        ).open()
        assert page.status == 403
        assert b"access-control-allow-origin" not in page.response_headers

    async def test_the_moderation_channel_is_never_served_to_another_origin(self):
        headers = [*await self.session_of(self.moderator), (b"origin", ORIGIN.encode())]
        by_name = await self.stream(MODERATION, headers=headers).open()
        page_query = [("site", self.site.key), ("key", self.page_thread.key)]
        beside_the_page = await self.stream(MODERATION, headers=headers, query=page_query).open()
        same_origin = await self.stream(MODERATION, headers=headers[:1]).open()
        assert by_name.status == 403
        assert b"access-control-allow-origin" not in by_name.response_headers
        assert beside_the_page.status == 400
        assert same_origin.status == 200
        await same_origin.close()

    async def test_our_own_pages_get_no_cors_headers(self):
        listener = await self.stream(thread_channel(self.page_thread)).open()
        assert listener.status == 200
        assert b"access-control-allow-origin" not in listener.response_headers
        await listener.close()

    async def test_a_resuming_page_of_the_site_may_send_its_last_event_id(self):
        allowed = await self.page(asking="GET").open()
        assert allowed.status == 204
        assert allowed.response_headers[b"access-control-allow-origin"] == ORIGIN.encode()
        assert allowed.response_headers[b"access-control-allow-headers"] == b"Last-Event-ID"
        refused = await self.page("https://elsewhere.example", asking="GET").open()
        assert refused.status == 403
        assert b"access-control-allow-origin" not in refused.response_headers

    session_of = VisibilityTests.session_of


class WidgetPayloadTests(LiveTestCase):
    """What the widget draws from: the comment exactly as the public API shows it."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.site = SiteFactory()
        cls.page_thread = thread_for_page(site=cls.site, url=PAGE)

    def setUp(self) -> None:
        super().setUp()
        self.channel = thread_channel(self.page_thread)
        self.thread = self.page_thread

    def api_comments(self) -> list[dict[str, object]]:
        query = {"site": self.site.key, "url": PAGE}
        answer = self.client.get("/api/v1/threads", query, HTTP_ORIGIN=ORIGIN)
        return answer.json()["comments"]

    async def test_a_new_comment_carries_what_the_api_shows_of_it(self):
        listener = await self.stream().open()
        await self.posted("Drawn by the widget.", email="dana@example.org")
        await deliver(self.hub)
        [event] = listener.data("comment")
        [shown] = await sync_to_async(self.api_comments)()
        assert event["comment"] == shown
        assert "dana@example.org" not in listener.text
        assert "ip" not in event["comment"]
        await listener.close()

    async def test_an_edit_carries_the_new_text_as_the_api_shows_it(self):
        comment = await self.posted("First thoughts.", anonymous_id="reader-9")
        listener = await self.stream().open()
        await self.edited_by_author(comment, "Second thoughts.")
        await deliver(self.hub)
        [event] = listener.data("comment-edited")
        [shown] = await sync_to_async(self.api_comments)()
        assert event["comment"] == shown
        assert "Second thoughts." in event["comment"]["body_html"]
        await listener.close()

    async def test_a_removal_carries_the_apis_placeholder_without_the_text(self):
        comment = await self.posted("A view the moderator will remove.")
        listener = await self.stream().open()
        await self.removed_by_moderator(comment)
        await deliver(self.hub)
        [event] = listener.data("comment-removed")
        assert event["comment"]["state"] == "removed"
        assert event["comment"]["body_html"] == event["comment"]["author_name"] == ""
        assert (
            "A view the moderator will remove."
            not in listener.text.split("event: comment-removed")[-1]
        )
        await listener.close()

    async def test_a_comment_held_again_leaves_without_its_text(self):
        comment = await self.posted("Published, then held again.")
        listener = await self.stream().open()
        await self.committed(change_comment_state, comment=comment, state=Comment.State.PENDING)
        await deliver(self.hub)
        [event] = listener.data("comment-removed")
        assert event["comment"] is None
        assert (
            "Published, then held again." not in listener.text.split("event: comment-removed")[-1]
        )
        await listener.close()

    async def test_a_pending_comment_never_reaches_the_page(self):
        await ModerationSettings.objects.filter(pk=1).aupdate(mode="pre")
        listener = await self.stream().open()
        comment = await self.posted("Waiting for a moderator.")
        await deliver(self.hub)
        assert comment.state == "pending"
        assert listener.events() == []
        await listener.close()
