"""The one place a name check plugs into accounts.

Accounts sit below moderation and may not import it; moderation hands its reserved-name check
over once, from its AppConfig.ready() (the same check a comment's name goes through). Until then
(moderation not installed) every cleaned name is accepted.
"""

from __future__ import annotations

from collections.abc import Callable

NameCheck = Callable[[str], "str | None"]


def _accept(name: str) -> str | None:
    return None


_connected: list[NameCheck] = [_accept]


def connect(check: NameCheck) -> None:
    """Use `check` for every display name a reader chooses (done once, by moderation)."""
    _connected[0] = check


def name_refusal(name: str) -> str | None:
    """Why a reader may not choose this display name (it poses as the newsroom), or None."""
    return _connected[0](name) if name else None
