"""Kazakh in the Latin alphabet of 2021: the Kazakh formats, the year written "j." (jyl)."""

# The *_FORMAT strings use the Django date format syntax.
DATE_FORMAT = r"Y \j. j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y \j. j E, H:i"
YEAR_MONTH_FORMAT = r"Y \j. F"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = ["%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M:%S.%f", "%d.%m.%Y %H:%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
