"""The comments app's settings, read at call time so that tests can override them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.urls import reverse


@dataclass(frozen=True)
class CommentSettings:
    max_depth: int
    max_length: int
    per_page: int
    replies_shown: int
    edit_window: timedelta
    auto_close_days: int
    require_sign_in: bool
    dedupe_seconds: int
    policy_url_name: str

    @property
    def policy_url(self) -> str:
        return reverse(self.policy_url_name)


def comment_settings() -> CommentSettings:
    return CommentSettings(
        max_depth=settings.GAZETTE_COMMENT_MAX_DEPTH,
        max_length=settings.GAZETTE_COMMENT_MAX_LENGTH,
        per_page=settings.GAZETTE_COMMENTS_PER_PAGE,
        replies_shown=settings.GAZETTE_COMMENT_REPLIES_SHOWN,
        edit_window=timedelta(minutes=settings.GAZETTE_COMMENT_EDIT_MINUTES),
        auto_close_days=settings.GAZETTE_COMMENT_AUTO_CLOSE_DAYS,
        require_sign_in=settings.GAZETTE_COMMENTS_REQUIRE_SIGN_IN,
        dedupe_seconds=settings.GAZETTE_COMMENT_DEDUPE_SECONDS,
        policy_url_name=settings.GAZETTE_COMMENT_POLICY_URL_NAME,
    )
