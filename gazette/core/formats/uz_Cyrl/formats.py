"""Uzbek in Cyrillic: Django's Uzbek formats, with the year written "йил" (2026-йил)."""

from gazette.core.formats.common import *  # noqa: F403 - the shared formats

# The *_FORMAT strings use the Django date format syntax.
DATE_FORMAT = r"j-E, Y-\й\и\л"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"j-E, Y-\й\и\л G:i"
YEAR_MONTH_FORMAT = r"F Y-\й\и\л"
MONTH_DAY_FORMAT = "j-E"
