"""Reading a host site's sign-on token: a JWT (HS256) the site signs with its sign-on secret,
naming one of its readers. Only a token that is signed right, meant for this site, short-lived
and complete is read; anything else is refused with a reason the site's developers can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from gazette.sites.exceptions import (
    SignOnClaimsInvalid,
    SignOnRefused,
    SignOnTokenExpired,
    SignOnWrongAudience,
)

REQUIRED_CLAIMS = ("sub", "name", "aud", "exp", "iat", "jti")
# The account's user name is `sso:<site key>:<sub>`, within Django's 150 characters.
MAX_EXTERNAL_ID = 80
MAX_JTI = 200
# Clocks of the host and ours may differ a little.
CLOCK_LEEWAY_SECONDS = 30


@dataclass(frozen=True)
class SignOnClaims:
    external_id: str
    name: str
    email: str
    avatar: str
    jti: str
    expires_at: datetime


def read_token(token: str, *, secret: str, audience: str, max_age: timedelta) -> SignOnClaims:
    """The reader a valid token names. Raises SignOnTokenExpired, SignOnWrongAudience,
    SignOnClaimsInvalid (a claim missing or unusable) or SignOnRefused (not a token signed with
    the site's secret)."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            audience=audience,
            leeway=CLOCK_LEEWAY_SECONDS,
            options={"require": list(REQUIRED_CLAIMS)},
        )
    except jwt.ExpiredSignatureError:
        raise SignOnTokenExpired from None
    except jwt.InvalidAudienceError:
        raise SignOnWrongAudience from None
    except jwt.MissingRequiredClaimError as exc:
        raise SignOnClaimsInvalid(_missing(exc.claim)) from None
    except jwt.InvalidTokenError:
        raise SignOnRefused from None
    expires_at = datetime.fromtimestamp(claims["exp"], tz=UTC)
    issued_at = datetime.fromtimestamp(claims["iat"], tz=UTC)
    if expires_at - issued_at > max_age + timedelta(seconds=CLOCK_LEEWAY_SECONDS):
        raise SignOnClaimsInvalid(
            _("A sign-on token may be valid for at most %(seconds)s seconds after “iat”.")
            % {"seconds": int(max_age.total_seconds())}
        )
    return SignOnClaims(
        external_id=_text_claim(claims, "sub", MAX_EXTERNAL_ID),
        name=_text_claim(claims, "name", 200),
        email=_email(claims.get("email")),
        avatar=_avatar(claims.get("avatar")),
        jti=_text_claim(claims, "jti", MAX_JTI),
        expires_at=expires_at,
    )


def _missing(claim: str) -> str:
    return _("The sign-on token lacks the “%(claim)s” claim.") % {"claim": claim}


def _text_claim(claims: dict[str, Any], claim: str, limit: int) -> str:
    value = claims.get(claim)
    # Host sites often number their readers: a numeric ID is read as its digits.
    text = str(value).strip() if isinstance(value, str | int) else ""
    if not text:
        raise SignOnClaimsInvalid(_missing(claim))
    if len(text) > limit:
        raise SignOnClaimsInvalid(
            _("The “%(claim)s” claim is longer than %(limit)s characters.")
            % {"claim": claim, "limit": limit}
        )
    return text


def _email(value: Any) -> str:
    if value in (None, ""):
        return ""
    try:
        if not isinstance(value, str):
            raise ValidationError("not text")
        validate_email(value)
    except ValidationError:
        raise SignOnClaimsInvalid(_("The “email” claim is not an e-mail address.")) from None
    return str(value).strip().lower()


def _avatar(value: Any) -> str:
    if value in (None, ""):
        return ""
    try:
        URLValidator(schemes=["https"])(value)
    except ValidationError:
        raise SignOnClaimsInvalid(_("The “avatar” claim must be an https:// address.")) from None
    return str(value)[:500]
