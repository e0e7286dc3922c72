"""Uzbek in Cyrillic: Django's Uzbek formats, with the year written "йил" (2026-йил)."""

# The *_FORMAT strings use the Django date format syntax.
DATE_FORMAT = r"j-E, Y-\й\и\л"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"j-E, Y-\й\и\л G:i"
YEAR_MONTH_FORMAT = r"F Y-\й\и\л"
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = ["%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M:%S.%f", "%d.%m.%Y %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
