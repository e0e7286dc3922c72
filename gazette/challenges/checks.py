"""Start-up check of the captcha and rate-limit settings: a mistyped rate fails at start-up, not
at the first reader it would have counted."""

from __future__ import annotations

from typing import Any

from django.core import checks

from gazette.challenges.conf import challenge_settings
from gazette.core.checks import settings_parse


@checks.register()
def check_challenge_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return settings_parse(challenge_settings)
