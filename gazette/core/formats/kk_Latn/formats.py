"""Kazakh in the Latin alphabet of 2021: the Kazakh formats, the year written "j." (jyl)."""

from gazette.core.formats.common import *  # noqa: F403 - the shared formats

# The *_FORMAT strings use the Django date format syntax.
DATE_FORMAT = r"Y \j. j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y \j. j E, H:i"
YEAR_MONTH_FORMAT = r"Y \j. F"
MONTH_DAY_FORMAT = "j E"
