from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase, override_settings

from gazette.challenges.conf import challenge_settings
from gazette.challenges.ratelimit import Rate


class ChallengeSettingsTests(TestCase):
    def test_defaults_fill_in_what_the_site_does_not_set(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={}):
            config = challenge_settings()
        assert config.expires == timedelta(minutes=10)
        assert config.no_js == "hold"
        assert config.levels == (20_000, 100_000, 250_000, 1_000_000)
        assert config.rates["comment"].reader == Rate(limit=5, window=600)
        assert set(config.rates) == {
            "comment",
            "reply",
            "like",
            "vote",
            "report",
            "appeal",
            "signup",
            "password_reset",
            "data_request",
            "confirmation_email",
            "challenge",
            "nudge",
            "csp_report",
        }

    def test_without_a_key_of_its_own_one_is_derived_from_the_secret_key(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={}, SECRET_KEY="one-secret" * 5):
            first = challenge_settings().hmac_key
        with override_settings(GAZETTE_CHALLENGES={}, SECRET_KEY="another-secret" * 5):
            second = challenge_settings().hmac_key
        assert first != second
        assert "one-secret" not in first
        assert len(first) == 64

    def test_a_configured_key_is_used_as_given(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={"HMAC_KEY": "k" * 40}):
            assert challenge_settings().hmac_key == "k" * 40

    def test_half_of_a_rate_may_be_given(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={"RATES": {"vote": {"ip": "9/60"}}}):
            config = challenge_settings()
        assert config.rates["vote"].ip == Rate(limit=9, window=60)
        assert config.rates["vote"].reader == Rate(limit=30, window=600)

    def test_one_rate_may_be_changed_without_repeating_the_others(self) -> None:
        rates = {"like": {"reader": "1/60", "ip": "2/60"}}
        with override_settings(GAZETTE_CHALLENGES={"RATES": rates}):
            config = challenge_settings()
        assert config.rates["like"].reader == Rate(limit=1, window=60)
        assert config.rates["comment"].reader == Rate(limit=5, window=600)

    def test_levels_beyond_the_top_are_the_top(self) -> None:
        with override_settings(GAZETTE_CHALLENGES={"LEVELS": [10, 20]}):
            config = challenge_settings()
        assert (config.max_number(0), config.max_number(1), config.max_number(5)) == (10, 20, 20)

    def test_mistakes_are_reported_at_once(self) -> None:
        mistakes = [
            {"NO_JS": "allow"},
            {"LEVELS": []},
            {"LEVELS": [100, 50]},
            {"EXPIRES_SECONDS": 0},
            {"THRESHOLDS": {"ip_failures": [5, 3]}},
            {"RATES": {"comment": {"reader": "5"}}},
            {"RATES": {"teleport": {"ip": "5/60"}}},
            {"EXPIRE_SECONDS": 60},
        ]
        for mistake in mistakes:
            with (
                self.subTest(mistake=mistake),
                override_settings(GAZETTE_CHALLENGES=mistake),
                pytest.raises(ImproperlyConfigured),
            ):
                challenge_settings()
