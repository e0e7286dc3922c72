"""The one place that asks what time it is, so that time-dependent rules read alike."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
