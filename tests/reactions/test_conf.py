import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from gazette.reactions.conf import ShowCounts, reactions_conf


def test_defaults_apply_to_missing_keys() -> None:
    with override_settings(GAZETTE_REACTIONS={}):
        conf = reactions_conf()
    assert conf.show_counts is ShowCounts.AFTER_VOTE


def test_settings_are_read_at_call_time() -> None:
    with override_settings(GAZETTE_REACTIONS={"SHOW_COUNTS": "always"}):
        conf = reactions_conf()
    assert conf.show_counts is ShowCounts.ALWAYS


@pytest.mark.parametrize(
    "setting",
    [
        # The vote rate is the one rate limiter's now; a leftover key would do nothing.
        {"IP_RATE": "30/3600"},
        {"SHOW_COUNTS": "never"},
    ],
)
def test_a_malformed_setting_is_a_configuration_error(setting) -> None:
    with override_settings(GAZETTE_REACTIONS=setting), pytest.raises(ImproperlyConfigured):
        reactions_conf()
