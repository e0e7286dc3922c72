from datetime import UTC, datetime, timedelta

from django.test import TestCase, override_settings

from gazette.challenges import activity
from gazette.challenges.conf import challenge_settings
from gazette.challenges.policy import Activity
from tests.challenges.solving import clock_at

START = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)  # a window boundary for 600-second windows
REDIS_DOWN = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
    }
}


class RecentActivityTests(TestCase):
    def test_submissions_and_failures_are_counted_per_address_and_site_wide(self) -> None:
        config = challenge_settings()
        with clock_at(START):
            activity.note_submission("ip-a", config=config)
            activity.note_submission("ip-a", config=config)
            activity.note_failure("ip-a", config=config)
            activity.note_submission("ip-b", config=config)
            assert activity.recent_activity("ip-a", config=config) == Activity(
                ip_submissions=2, ip_failures=1, site_submissions=3, site_failures=1
            )

    def test_last_windows_counts_fade_out_over_the_current_window(self) -> None:
        config = challenge_settings()
        with clock_at(START):
            for _ in range(10):
                activity.note_failure("ip-a", config=config)
        with clock_at(START + timedelta(seconds=600 + 150)):
            seen = activity.recent_activity("ip-a", config=config)
        assert seen.ip_failures == 7.5
        assert seen.ip_submissions == 0

    def test_the_required_level_follows_the_policy(self) -> None:
        config = challenge_settings()
        with clock_at(START):
            for _ in range(config.thresholds.ip_failures[1]):
                activity.note_failure("ip-a", config=config)
            assert activity.required_level("ip-a", config=config) == 2
            assert activity.required_level("ip-b", config=config) == 0

    @override_settings(CACHES=REDIS_DOWN)
    def test_when_the_counts_cannot_be_read_the_hardest_level_is_required(self) -> None:
        config = challenge_settings()
        activity.note_failure("ip-a", config=config)  # lost, and says so only in the log
        assert activity.required_level("ip-b", config=config) == config.top_level
