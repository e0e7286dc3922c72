import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings

from gazette.accounts.readers import Reader
from gazette.challenges.limits import limit_action, limit_address
from gazette.challenges.models import WindowCounter
from gazette.challenges.ratelimit import Rate, RateLimited, hit
from tests.challenges.conftest import DATABASE_CACHE
from tests.challenges.solving import clock_at

NOON = datetime(2026, 3, 2, 12, 0, 5, tzinfo=UTC)  # 5 s into a minute and an hour
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
    }
}


class HitTests(TestCase):
    rate = Rate(limit=3, window=60)

    def test_actions_up_to_the_limit_pass_and_the_next_is_refused(self) -> None:
        with clock_at(NOON):
            for _ in range(3):
                hit("test", "reader-a", self.rate)
            with pytest.raises(RateLimited) as refused:
                hit("test", "reader-a", self.rate)
        assert refused.value.retry_after == 55
        assert refused.value.message == (
            "You are doing that too often. Please wait 55 seconds and try again."
        )

    def test_the_limit_resets_when_the_window_ends(self) -> None:
        with clock_at(NOON):
            for _ in range(3):
                hit("test", "reader-a", self.rate)
        with clock_at(NOON + timedelta(seconds=55)):
            hit("test", "reader-a", self.rate)

    def test_keys_and_scopes_are_counted_apart(self) -> None:
        with clock_at(NOON):
            for _ in range(3):
                hit("test", "reader-a", self.rate)
            hit("test", "reader-b", self.rate)
            hit("other", "reader-a", self.rate)

    def test_long_waits_are_told_in_minutes(self) -> None:
        with clock_at(NOON), pytest.raises(RateLimited) as refused:
            hit("test", "reader-a", Rate(limit=0, window=3600))
        assert refused.value.retry_after == 3595
        assert "60 minutes" in refused.value.message

    @override_settings(CACHES=LOCMEM)
    def test_with_a_cache_that_increments_atomically_counts_stay_in_the_cache(self) -> None:
        caches["default"].clear()
        with clock_at(NOON):
            for _ in range(3):
                hit("test", "reader-a", self.rate)
            with pytest.raises(RateLimited):
                hit("test", "reader-a", self.rate)
        assert WindowCounter.objects.count() == 0

    @override_settings(CACHES=REDIS_DOWN)
    def test_when_the_store_is_down_the_action_is_refused(self) -> None:
        with pytest.raises(RateLimited):
            hit("test", "reader-a", self.rate)


class RateParseTests(TestCase):
    def test_a_rate_reads_as_actions_per_seconds(self) -> None:
        assert Rate.parse("30/3600") == Rate(limit=30, window=3600)

    def test_nonsense_rates_are_refused(self) -> None:
        for text in ["30", "30/0", "-1/60", "a/b", ""]:
            with self.subTest(text=text), pytest.raises(ValueError, match="Not a rate"):
                Rate.parse(text)


class LimitActionTests(TestCase):
    def setUp(self) -> None:
        rates = {"comment": {"reader": "2/600", "ip": "3/600"}}
        self.enterContext(override_settings(GAZETTE_CHALLENGES={"RATES": rates}))

    def test_one_reader_is_limited_by_their_own_rate(self) -> None:
        reader = Reader.anonymous("abc", ip_hash="ip-1")
        with clock_at(NOON):
            limit_action("comment", reader)
            limit_action("comment", reader)
            with pytest.raises(RateLimited):
                limit_action("comment", reader)

    def test_many_readers_behind_one_address_are_limited_by_the_address_rate(self) -> None:
        with clock_at(NOON):
            for number in range(3):
                limit_action("comment", Reader.anonymous(str(number), ip_hash="ip-1"))
            with pytest.raises(RateLimited):
                limit_action("comment", Reader.anonymous("new", ip_hash="ip-1"))

    def test_every_reader_action_has_a_named_rate(self) -> None:
        actions = ["comment", "reply", "like", "vote", "report", "appeal", "signup"]
        actions += ["password_reset", "data_request", "confirmation_email", "challenge", "nudge"]
        for action in actions:
            with self.subTest(action=action):
                limit_action(action, Reader.anonymous("x", ip_hash="ip-2"))

    def test_an_unknown_action_is_a_programming_error(self) -> None:
        with pytest.raises(KeyError):
            limit_action("teleport", Reader.anonymous("x", ip_hash="ip-2"))

    def test_one_destination_address_is_limited_whoever_asks(self) -> None:
        rates = {"confirmation_email": {"ip": "2/86400"}}
        with override_settings(GAZETTE_CHALLENGES={"RATES": rates}), clock_at(NOON):
            limit_address("confirmation_email", "address-1")
            limit_address("confirmation_email", "address-1")
            with pytest.raises(RateLimited):
                limit_address("confirmation_email", "address-1")


class TooManyRequestsTests(TestCase):
    """Over HTTP, through the challenge endpoint's own limit."""

    def setUp(self) -> None:
        self.enterContext(
            override_settings(GAZETTE_CHALLENGES={"RATES": {"challenge": {"ip": "2/60"}}})
        )

    def fetch(self, **headers):
        return self.client.get("/challenges/new/?for=signup", REMOTE_ADDR="198.51.100.4", **headers)

    def test_an_over_limit_request_gets_429_with_retry_after_and_then_resets(self) -> None:
        with clock_at(NOON):
            assert self.fetch().status_code == 200
            assert self.fetch().status_code == 200
            refused = self.fetch(HTTP_ACCEPT="application/json")
        assert refused.status_code == 429
        assert refused["Retry-After"] == "55"
        assert refused.json() == {
            "error": "rate_limited",
            "message": "You are doing that too often. Please wait 55 seconds and try again.",
            "retry_after": 55,
        }
        with clock_at(NOON + timedelta(seconds=56)):
            assert self.fetch().status_code == 200

    def test_a_person_gets_a_page_that_says_what_happened(self) -> None:
        with clock_at(NOON):
            self.fetch()
            self.fetch()
            refused = self.fetch(HTTP_ACCEPT="text/html")
        assert refused.status_code == 429
        assert refused["Retry-After"] == "55"
        assert "Please wait 55 seconds" in refused.content.decode()
        assert "no-store" in refused["Cache-Control"]


@pytest.mark.postgres
class ConcurrentHitTests(TransactionTestCase):
    # Only our tables are emptied afterwards, and content types are left alone for the
    # TransactionTestCases of other apps that restore a serialized database.
    available_apps = ["gazette.challenges"]

    def setUp(self) -> None:
        self.enterContext(override_settings(CACHES=DATABASE_CACHE))

    def test_concurrent_hits_are_all_counted(self) -> None:
        rate = Rate(limit=25, window=3600)
        refused: list[RateLimited] = []
        barrier = threading.Barrier(8)

        def act() -> None:
            barrier.wait()
            try:
                for _ in range(5):
                    try:
                        hit("concurrent", "reader-a", rate)
                    except RateLimited as exc:
                        refused.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=act) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(refused) == 40 - 25
        assert WindowCounter.objects.get().count == 40
