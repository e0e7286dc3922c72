import json
import time
from datetime import timedelta

import pytest
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from gazette.comments import services
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services.appeals import decide_appeal, file_appeal
from gazette.moderation.services.decisions import remove_comment
from gazette.moderation.services.reports import report_comment
from gazette.sites import policy
from gazette.sites.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from gazette.sites.tasks import deliver_webhook
from tests.api.helpers import ORIGIN, PAGE, SiteFactory, call, new_comment
from tests.api.test_comments import GENEROUS
from tests.factories import UserFactory
from tests.moderation.factories import WHY, ClauseFactory, post, reviewer, staff_in
from tests.sites.docs_examples import documented_function
from tests.sites.receiver import Receiver, receiving

SECRET = "receiver-secret"
QUEUE_IN_DATABASE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}
ALL_EVENTS = [
    "comment.created",
    "comment.published",
    "comment.removed",
    "report.created",
    "appeal.created",
    "appeal.decided",
]


def endpoint_for(site, url, *, events=ALL_EVENTS, **fields):
    return WebhookEndpoint.objects.create(
        site=site, url=url, secret=SECRET, events=events, **fields
    )


class QueuedTestCase(TestCase):
    """As in production, tasks wait in the database for a worker (so a retry can be put off);
    a test runs a delivery by calling its task."""

    def setUp(self):
        self.enterContext(override_settings(TASKS=QUEUE_IN_DATABASE))


class DeliveryTests(QueuedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)

    def posted(self, **author):
        with self.captureOnCommitCallbacks(execute=True):
            return post(self.thread, "A careful ruling.", **author)

    def test_a_failed_delivery_is_retried_later_and_then_delivered_signed(self):
        with receiving(Receiver(secret=SECRET, statuses=[500, 200])) as receiver:
            endpoint_for(self.site, receiver.url, events=["comment.created"])
            comment = self.posted()
            delivery = WebhookDelivery.objects.get()
            assert deliver_webhook.call(delivery.pk) == DeliveryStatus.PENDING
            delivery.refresh_from_db()
            assert (delivery.attempts, delivery.last_error) == (1, "HTTP 500")
            assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=20)
            # A task queued to run at once waits "until the end of time" in this backend.
            retry = DBTaskResult.objects.filter(
                run_after__lt=timezone.now() + timedelta(days=1)
            ).get()
            assert retry.run_after == delivery.next_attempt_at
            assert retry.args_kwargs["args"] == [delivery.pk]
            assert deliver_webhook.call(delivery.pk) == DeliveryStatus.DELIVERED
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts, delivery.last_error) == ("delivered", 2, "")
        assert delivery.delivered_at is not None
        second = receiver.received[1]
        assert [each.signature_valid for each in receiver.received] == [True, True]
        assert (second.event, second.delivery) == ("comment.created", str(delivery.pk))
        assert second.body["site"] == self.site.key
        assert second.body["data"]["comment"]["id"] == comment.pk
        assert second.body["data"]["comment"]["thread"]["url"] == PAGE

    def test_a_forged_signature_does_not_verify(self):
        receiver = Receiver(secret="another-secret")
        with receiving(receiver):
            endpoint_for(self.site, receiver.url, events=["comment.created"])
            self.posted()
            deliver_webhook.call(WebhookDelivery.objects.get().pk)
        assert not receiver.received[0].signature_valid

    @override_settings(GAZETTE_WEBHOOK_ATTEMPTS=2)
    def test_a_delivery_is_given_up_after_the_last_attempt(self):
        with receiving(Receiver(secret=SECRET, statuses=[503])) as receiver:
            endpoint_for(self.site, receiver.url, events=["comment.created"])
            self.posted()
            delivery = WebhookDelivery.objects.get()
            deliver_webhook.call(delivery.pk)
            assert deliver_webhook.call(delivery.pk) == DeliveryStatus.FAILED
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == ("failed", 2)
        assert delivery.last_error == "HTTP 503"
        assert delivery.next_attempt_at is None

    def test_an_unreachable_receiver_is_logged_and_retried(self):
        with receiving(Receiver(secret=SECRET)) as receiver:
            url = receiver.url
        endpoint_for(self.site, url, events=["comment.created"])
        self.posted()
        delivery = WebhookDelivery.objects.get()
        assert deliver_webhook.call(delivery.pk) == DeliveryStatus.PENDING
        delivery.refresh_from_db()
        assert delivery.attempts == 1
        assert "refused" in delivery.last_error.lower()

    def test_only_the_threads_site_hears_of_it_and_only_what_it_asked_for(self):
        other = SiteFactory()
        endpoint_for(other, "https://other.example.org/hooks")
        endpoint_for(self.site, "https://news.example.org/off", active=False)
        wanted = endpoint_for(self.site, "https://news.example.org/hooks")
        endpoint_for(self.site, "https://news.example.org/reports", events=["report.created"])
        self.posted()
        assert sorted(WebhookDelivery.objects.values_list("endpoint", "event")) == [
            (wanted.pk, "comment.created"),
            (wanted.pk, "comment.published"),
        ]

    def test_the_payload_names_no_e_mail_address_ip_or_account(self):
        endpoint_for(self.site, "https://news.example.org/hooks")
        comment = self.posted(email="dana@example.org", ip_hash="hash-of-an-address")
        payloads = json.dumps(list(WebhookDelivery.objects.values_list("payload", flat=True)))
        assert "dana@example.org" not in payloads
        assert "hash-of-an-address" not in payloads
        assert comment.author_key not in payloads

    def test_nothing_is_queued_before_the_write_commits(self):
        endpoint_for(self.site, "https://news.example.org/hooks")
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            post(self.thread, "A careful ruling.")
        assert callbacks  # the announcement waits for the commit
        assert not WebhookDelivery.objects.exists()


class ModerationEventTests(QueuedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)
        cls.clause = ClauseFactory(key="hate")
        cls.moderator = staff_in(MODERATOR)

    def setUp(self):
        super().setUp()
        self.comment = post(self.thread, "A careful ruling.")
        endpoint_for(self.site, "https://news.example.org/hooks")

    def events(self):
        return list(WebhookDelivery.objects.order_by("pk").values_list("event", "payload"))

    def test_a_report_is_announced_with_its_clause_but_not_its_reporter(self):
        with self.captureOnCommitCallbacks(execute=True):
            report = report_comment(
                comment=self.comment, clause=self.clause, reporter_key="anon:reporter-7"
            )
        [(event, payload)] = self.events()
        assert event == "report.created"
        assert payload["report"]["id"] == report.pk
        assert payload["report"]["clause"] == "hate"
        assert payload["comment"]["id"] == self.comment.pk
        assert "reporter-7" not in json.dumps(payload)

    def test_a_removal_is_announced_with_the_new_state(self):
        with self.captureOnCommitCallbacks(execute=True):
            remove_comment(
                comment=self.comment,
                actor=self.moderator,
                clause=self.clause,
                explanation="It attacks a person.",
            )
        [(event, payload)] = self.events()
        assert event == "comment.removed"
        assert payload["comment"]["state"] == "removed"

    def test_an_appeal_is_announced_when_filed_and_when_decided(self):
        removal = remove_comment(
            comment=self.comment, actor=self.moderator, clause=self.clause, explanation=WHY
        )
        WebhookDelivery.objects.all().delete()
        with self.captureOnCommitCallbacks(execute=True):
            appeal = file_appeal(decision=removal, statement="I quoted the minister.")
        with self.captureOnCommitCallbacks(execute=True):
            decide_appeal(
                appeal=appeal, actor=reviewer("en"), outcome="reversed", response="A quote."
            )
        events = self.events()
        assert [event for event, _payload in events] == [
            "appeal.created",
            "appeal.decided",
            "comment.published",
        ]
        filed, decided = events[0][1], events[1][1]
        assert (filed["appeal"]["id"], filed["appeal"]["status"]) == (appeal.pk, "received")
        assert (decided["appeal"]["outcome"], decided["thread"]["url"]) == ("reversed", PAGE)
        assert decided["appeal"]["decided_at"] is not None
        assert "minister" not in json.dumps(events)


@GENEROUS
class ReadersRequestTests(QueuedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)

    def test_a_slow_receiver_does_not_slow_the_readers_request(self):
        with receiving(Receiver(secret=SECRET, delay=3.0)) as receiver:
            endpoint_for(self.site, receiver.url)
            started = time.monotonic()
            with self.captureOnCommitCallbacks(execute=True):
                response = call(
                    self.client,
                    "POST",
                    f"/api/v1/threads/{self.thread.pk}/comments",
                    new_comment(self.thread),
                    HTTP_ORIGIN=ORIGIN,
                )
            elapsed = time.monotonic() - started
        assert response.status_code == 201, response.content
        assert elapsed < receiver.delay
        assert receiver.received == []
        assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"pending"}
        assert DBTaskResult.objects.count() == WebhookDelivery.objects.count() == 2


@pytest.mark.parametrize(("attempts", "seconds"), [(1, 30), (2, 60), (3, 120), (4, 240), (7, 1920)])
def test_each_retry_waits_twice_as_long_as_the_last(attempts, seconds):
    assert policy.retry_delay(attempts, first=timedelta(seconds=30)) == timedelta(seconds=seconds)


def test_the_signature_is_the_hmac_of_the_timestamp_and_the_body():
    assert policy.webhook_signature("secret", 1700000000, b'{"a":1}') == (
        "49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686"
    )


class DocumentedVerificationTests(QueuedTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = SiteFactory()
        cls.thread = services.thread_for_page(site=cls.site, url=PAGE)

    def test_the_documented_check_accepts_a_delivery_and_refuses_a_changed_one(self):
        is_from_gazette = documented_function("is_from_gazette")
        with receiving(Receiver(secret=SECRET)) as receiver:
            endpoint_for(self.site, receiver.url, events=["comment.created"])
            with self.captureOnCommitCallbacks(execute=True):
                post(self.thread, "A careful ruling.")
            deliver_webhook.call(WebhookDelivery.objects.get().pk)
        [received] = receiver.received
        assert is_from_gazette(SECRET, received.signature, received.raw_body)
        assert not is_from_gazette(SECRET, received.signature, received.raw_body + b" ")
        assert not is_from_gazette("another-secret", received.signature, received.raw_body)


class WebhookAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory(is_staff=True, is_superuser=True)
        cls.site = SiteFactory()

    def setUp(self):
        self.client.force_login(self.admin)

    def test_a_newsroom_adds_a_webhook_whose_secret_is_never_shown_again(self):
        response = self.client.post(
            "/admin/gazette_sites/webhookendpoint/add/",
            {
                "site": self.site.pk,
                "url": "https://news.example.org/hooks",
                "secret": "shared-secret",
                "events": ["comment.created", "report.created"],
                "active": "on",
            },
        )
        assert response.status_code == 302, response.content
        endpoint = WebhookEndpoint.objects.get()
        assert endpoint.events == ["comment.created", "report.created"]
        assert endpoint.secret == "shared-secret"
        page = self.client.get(f"/admin/gazette_sites/webhookendpoint/{endpoint.pk}/change/")
        assert "shared-secret" not in page.content.decode()

    def test_a_webhook_needs_a_secret(self):
        response = self.client.post(
            "/admin/gazette_sites/webhookendpoint/add/",
            {
                "site": self.site.pk,
                "url": "https://news.example.org/hooks",
                "events": ["comment.created"],
            },
        )
        assert response.status_code == 200
        assert not WebhookEndpoint.objects.exists()

    def test_the_delivery_log_shows_each_delivery_and_cannot_be_changed(self):
        endpoint = endpoint_for(self.site, "https://news.example.org/hooks")
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint,
            event="comment.created",
            payload={},
            attempts=3,
            last_error="HTTP 502",
        )
        listing = self.client.get("/admin/gazette_sites/webhookdelivery/")
        assert listing.status_code == 200
        assert "comment.created" in listing.content.decode()
        page = self.client.get(f"/admin/gazette_sites/webhookdelivery/{delivery.pk}/change/")
        assert "HTTP 502" in page.content.decode()
        assert 'name="_save"' not in page.content.decode()
        changed = self.client.post(
            f"/admin/gazette_sites/webhookdelivery/{delivery.pk}/change/", {"attempts": 0}
        )
        assert changed.status_code == 403
        delete = self.client.post(f"/admin/gazette_sites/webhookdelivery/{delivery.pk}/delete/")
        assert delete.status_code == 403
        assert WebhookDelivery.objects.get().attempts == 3
