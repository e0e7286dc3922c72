"""Issuing, recognising and revoking staff tokens. The secret never reaches the database:
only its SHA-256 does, so a copy of the table opens nothing."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q

from gazette.accounts.models import User
from gazette.api.models import ApiToken
from gazette.core import clock

STAFF_KEY_MARK = "gzt_"
# A token's last use is written at most once a minute: a busy tool does not write on every call.
LAST_USED_PRECISION = timedelta(minutes=1)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(*, user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token for `user`, and its secret (shown once; it cannot be read back)."""
    secret = STAFF_KEY_MARK + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name, scope=scope, key_hash=_digest(secret), prefix=secret[:12]
        )
    return token, secret


def token_for(secret: str) -> ApiToken | None:
    """The token with this secret, if it is in force (not revoked, its staff member active),
    with its last use recorded."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = clock.now()
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        ).update(last_used_at=now)
    return token


def revoke_token(*, token: ApiToken) -> None:
    """Revoke the token at once; calls with it are refused from now on."""
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=clock.now())
    token.refresh_from_db(fields=["revoked_at"])
