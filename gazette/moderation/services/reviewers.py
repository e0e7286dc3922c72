"""Reviewers' languages: each reviewer says which languages they read, so that appeals go to
someone who understands the comment."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from gazette.accounts.models import User
from gazette.moderation.models import ReviewerLanguage
from gazette.moderation.reviewers import DECIDE_APPEALS
from gazette.moderation.services.decisions import require


def set_reviewer_languages(*, user: User, languages: Iterable[str]) -> frozenset[str]:
    """Replace the languages `user` reads with `languages` (codes of settings.LANGUAGES;
    others are ignored). Raises PermissionRequired for anyone who does not decide appeals."""
    require(user, DECIDE_APPEALS)
    known = {code for code, _name in settings.LANGUAGES}
    chosen = frozenset(code for code in languages if code in known)
    with transaction.atomic():
        ReviewerLanguage.objects.filter(user=user).exclude(language__in=chosen).delete()
        for code in sorted(chosen):
            ReviewerLanguage.objects.get_or_create(user=user, language=code)
    return chosen
