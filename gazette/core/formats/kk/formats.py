"""Kazakh: Django ships no formats for it, and its English ones put "p.m." in Kazakh."""

from gazette.core.formats.common import *  # noqa: F403 - the shared formats

# The *_FORMAT strings use the Django date format syntax.
DATE_FORMAT = r"Y \ж. j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y \ж. j E, H:i"
YEAR_MONTH_FORMAT = r"Y \ж. F"
MONTH_DAY_FORMAT = "j E"
