import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from gazette.challenges.ratelimit import Rate
from gazette.reactions.conf import ShowCounts, reactions_conf


def test_defaults_apply_to_missing_keys() -> None:
    with override_settings(GAZETTE_REACTIONS={}):
        conf = reactions_conf()
    assert conf.ip_rate == Rate(limit=30, window=3600)
    assert conf.show_counts is ShowCounts.AFTER_VOTE


def test_settings_are_read_at_call_time() -> None:
    with override_settings(GAZETTE_REACTIONS={"IP_RATE": "5/60", "SHOW_COUNTS": "always"}):
        conf = reactions_conf()
    assert conf.ip_rate == Rate(limit=5, window=60)
    assert conf.show_counts is ShowCounts.ALWAYS


@pytest.mark.parametrize(
    "setting",
    [
        {"IP_RATE": "many"},
        {"IP_RATE": "0/60"},
        {"IP_RATE": "10/0"},
        {"SHOW_COUNTS": "never"},
    ],
)
def test_a_malformed_setting_is_a_configuration_error(setting) -> None:
    with override_settings(GAZETTE_REACTIONS=setting), pytest.raises(ImproperlyConfigured):
        reactions_conf()
