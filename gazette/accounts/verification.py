"""E-mail verification links: a signed token naming the account and the address it verifies."""

from __future__ import annotations

import hashlib

from django.core import signing

_SALT = "gazette.accounts.verify-email"
MAX_AGE = 3 * 24 * 3600


def _address_digest(email: str) -> str:
    # The address itself stays out of the link; changing it invalidates links sent before.
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def verification_token(user_id: int, email: str) -> str:
    return signing.dumps({"u": user_id, "e": _address_digest(email)}, salt=_SALT)


def read_verification_token(token: str) -> tuple[int, str] | None:
    """(account ID, address digest) from a valid, unexpired token; None otherwise."""
    try:
        value = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("u"), int):
        return None
    return value["u"], str(value.get("e", ""))


def matches(email: str, digest: str) -> bool:
    return _address_digest(email) == digest
