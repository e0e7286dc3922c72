"""The sites app's settings, read at call time so that tests can override them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings


@dataclass(frozen=True)
class SiteSettings:
    sso_max_token_age: timedelta
    webhook_attempts: int
    webhook_timeout_seconds: int
    webhook_first_retry: timedelta


def site_settings() -> SiteSettings:
    return SiteSettings(
        sso_max_token_age=timedelta(seconds=settings.GAZETTE_SSO_MAX_TOKEN_SECONDS),
        webhook_attempts=settings.GAZETTE_WEBHOOK_ATTEMPTS,
        webhook_timeout_seconds=settings.GAZETTE_WEBHOOK_TIMEOUT_SECONDS,
        webhook_first_retry=timedelta(seconds=settings.GAZETTE_WEBHOOK_FIRST_RETRY_SECONDS),
    )
