"""Start-up check of the poll settings."""

from __future__ import annotations

from typing import Any

from django.core import checks

from gazette.core.checks import settings_parse
from gazette.reactions.conf import reactions_conf


@checks.register()
def check_reactions_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    return settings_parse(reactions_conf)
