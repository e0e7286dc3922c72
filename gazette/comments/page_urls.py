"""The one rule for the address a page of another site is known by.

A thread (and a poll) of another site's page is keyed by this form of its address, so the same
page reached through `HTTP://Example.org:80/story/?utm_source=x#comments` and
`http://example.org/story` shares one discussion. Imports and the API both key pages this way.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only say how a reader arrived, never which page it is.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "ref_src"}
)
DEFAULT_PORTS = {"http": 80, "https": 443}
MAX_LENGTH = 255  # the length of a thread's key


class NotAPageAddress(ValueError):  # noqa: N818 - named for what the text is not
    """The text is not an absolute http(s) address of a page."""


def _is_tracking(name: str) -> bool:
    return name.lower().startswith("utm_") or name.lower() in TRACKING_PARAMETERS


def canonical_page_url(url: str) -> str:
    """The page's address with scheme and host in lower case, no default port, no fragment, no
    tracking parameters and no trailing slash on the path (except the site's root).

    Raises NotAPageAddress for anything but an absolute http(s) address that fits a thread key.
    """
    if any(ord(character) < 0x20 or ord(character) == 0x7F for character in url.strip()):  # noqa: PLR2004
        raise NotAPageAddress(url)  # control characters (NUL among them) are no address
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise NotAPageAddress(url) from exc
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host or parts.username or parts.password:
        raise NotAPageAddress(url)
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    query = urlencode(
        [
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if not _is_tracking(name)
        ]
    )
    canonical = urlunsplit((scheme, netloc, path, query, ""))
    if len(canonical) > MAX_LENGTH:
        raise NotAPageAddress(url)
    return canonical
