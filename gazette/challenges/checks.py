"""Start-up checks of the captcha and rate limits: a mistyped rate fails at start-up, not at the
first reader it would have counted; so does a SQLite too old for the counters' upsert."""

from __future__ import annotations

import sqlite3
from typing import Any

from django.core import checks
from django.db import connections

from gazette.challenges.conf import challenge_settings
from gazette.core.checks import settings_parse

# INSERT … ON CONFLICT DO UPDATE … RETURNING (counters.py, services.py) needs SQLite 3.35.
SQLITE_FOR_COUNTERS = (3, 35, 0)


@checks.register()
def check_challenge_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return settings_parse(challenge_settings)


@checks.register(checks.Tags.database)
def check_sqlite_version(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every captcha and rate-limited action would be refused (fail closed) on an older SQLite."""
    too_old = sqlite3.sqlite_version_info < SQLITE_FOR_COUNTERS
    if connections["default"].vendor != "sqlite" or not too_old:
        return []
    return [
        checks.Error(
            f"SQLite {sqlite3.sqlite_version} cannot count rate limits and used captchas "
            "(INSERT … RETURNING needs 3.35 or later).",
            hint="Install a newer SQLite (Debian 12 and Ubuntu 22.04 have one) or use PostgreSQL.",
            id="gazette.E005",
        )
    ]
