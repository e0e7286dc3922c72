"""Channel names. A page's discussion and its poll share one channel, named after the page's
site and key (the same pair names its thread and its poll), so a page listens to one stream."""

from __future__ import annotations

import hashlib

MODERATION = "moderation"
DIGEST_LENGTH = 24


def page_channel(site: str, key: str) -> str:
    """The public channel of the page `key` on `site`: only what every reader may see."""
    digest = hashlib.sha256(f"{site}\x1f{key}".encode()).hexdigest()[:DIGEST_LENGTH]
    return f"page:{digest}"


def is_known(channel: str) -> bool:
    if channel == MODERATION:
        return True
    prefix, _sep, digest = channel.partition(":")
    return (
        prefix == "page"
        and len(digest) == DIGEST_LENGTH
        and all(c in "0123456789abcdef" for c in digest)
    )
