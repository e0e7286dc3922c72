"""Pure rules about a registered site's addresses: what an allowed origin is, and whether a
page or a caller belongs to the site; how webhooks are signed and retried."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


class NotAnOrigin(ValueError):  # noqa: N818 - named for what the text is not
    """The text is not an origin: a scheme, a host and at most a port, nothing after."""


def canonical_origin(text: str) -> str:
    """The origin in the form browsers send it in `Origin`: lower-case scheme and host, the port
    only when it is not the scheme's default. Raises NotAnOrigin for anything else (a path, a
    query, credentials, another scheme)."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError as exc:
        raise NotAnOrigin(text) from exc
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if (
        scheme not in DEFAULT_PORTS
        or not host
        or parts.username
        or parts.password
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise NotAnOrigin(text)
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    return (
        f"{scheme}://{host}"
        if port in (None, DEFAULT_PORTS[scheme])
        else f"{scheme}://{host}:{port}"
    )


def origin_of_page(url: str) -> str:
    """The origin of an absolute page address (already canonical, see comments.page_urls)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_allowed_origin(origin: str, allowed: Iterable[str]) -> bool:
    """Whether `origin` (as a browser sent it) is exactly one of the site's allowed origins."""
    try:
        return canonical_origin(origin) in set(allowed)
    except NotAnOrigin:
        return False


def webhook_signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of "<timestamp>.<body>" under the webhook's secret: the receiver
    computes the same to know the delivery is ours, and checks the timestamp is recent so
    that an old delivery cannot be replayed."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def retry_delay(attempts: int, *, first: timedelta) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: doubling from `first`."""
    factor: int = 2 ** (attempts - 1)
    return first * factor
