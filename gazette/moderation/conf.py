"""The moderation app's settings, read at call time so that tests can override them."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class TransparencyDatabaseSettings:
    """Where statements of reasons are submitted, and how patiently (settings.GAZETTE_TDB_*)."""

    url: str
    token: str
    attempts: int
    retry_seconds: float
    timeout_seconds: float

    @property
    def statements_url(self) -> str:
        """The batch endpoint, `POST {"statements": [...]}`."""
        return self.url.rstrip("/") + "/statements"


def tdb_settings() -> TransparencyDatabaseSettings:
    return TransparencyDatabaseSettings(
        url=settings.GAZETTE_TDB_URL.strip(),
        token=settings.GAZETTE_TDB_TOKEN.strip(),
        attempts=max(1, settings.GAZETTE_TDB_ATTEMPTS),
        retry_seconds=max(0, settings.GAZETTE_TDB_RETRY_SECONDS),
        timeout_seconds=settings.GAZETTE_TDB_TIMEOUT_SECONDS,
    )
