from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gazette.challenges import counters
from gazette.challenges.models import WindowCounter
from tests.challenges.conftest import DATABASE_CACHE
from tests.challenges.solving import clock_at

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
    }
}


class DatabaseCounterTests(TestCase):
    """With the database cache, counts are rows incremented with F()."""

    def setUp(self) -> None:
        self.enterContext(override_settings(CACHES=DATABASE_CACHE))

    def test_increments_return_the_new_count(self) -> None:
        assert [counters.increment("k:1", ttl=60) for _ in range(3)] == [1, 2, 3]
        assert WindowCounter.objects.get(key="k:1").count == 3

    def test_the_counts_of_one_request_are_one_statement(self) -> None:
        counters.increment("k:2", ttl=60)
        with CaptureQueriesContext(connection) as counted:
            counts = counters.increment_many({"k:1": 60, "k:2": 60, "k:3": 600})
        assert counts == {"k:1": 1, "k:2": 2, "k:3": 1}
        assert len(counted.captured_queries) == 1
        assert counters.current_values(["k:1", "k:2", "k:3"]) == {"k:1": 1, "k:2": 2, "k:3": 1}

    def test_values_are_read_together_and_unknown_keys_are_zero(self) -> None:
        counters.increment("k:1", ttl=60)
        counters.increment("k:2", ttl=60)
        counters.increment("k:2", ttl=60)
        assert counters.current_values(["k:1", "k:2", "k:3"]) == {"k:1": 1, "k:2": 2, "k:3": 0}

    def test_an_expired_count_reads_as_zero_and_is_purged(self) -> None:
        counters.increment("k:old", ttl=60)
        counters.increment("k:new", ttl=600)
        with clock_at(timezone.now() + timedelta(seconds=61)):
            assert counters.current_values(["k:old", "k:new"]) == {"k:old": 0, "k:new": 1}
            assert counters.purge_expired() == 1
        assert list(WindowCounter.objects.values_list("key", flat=True)) == ["k:new"]

    def test_very_long_keys_are_stored_hashed(self) -> None:
        key = "activity:" + "x" * 300
        counters.increment(key, ttl=60)
        assert counters.current_values([key]) == {key: 1}
        assert WindowCounter.objects.get().key.startswith("sha256:")


class CacheCounterTests(TestCase):
    def setUp(self) -> None:
        self.enterContext(override_settings(CACHES=LOCMEM))
        caches["default"].clear()

    def test_counts_live_in_the_cache(self) -> None:
        assert [counters.increment("k:1", ttl=60) for _ in range(2)] == [1, 2]
        assert counters.increment_many({"k:1": 60, "k:3": 60}) == {"k:1": 3, "k:3": 1}
        assert counters.current_values(["k:1", "k:2", "k:3"]) == {"k:1": 3, "k:2": 0, "k:3": 1}
        assert WindowCounter.objects.count() == 0


@override_settings(CACHES=REDIS_DOWN)
class UnavailableStoreTests(TestCase):
    def test_a_store_that_cannot_be_reached_says_so(self) -> None:
        with pytest.raises(counters.CounterStoreUnavailable):
            counters.increment("k:1", ttl=60)
        with pytest.raises(counters.CounterStoreUnavailable):
            counters.increment_many({"k:1": 60, "k:2": 60})
        with pytest.raises(counters.CounterStoreUnavailable):
            counters.current_values(["k:1"])
