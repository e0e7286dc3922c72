"""Which pages of other sites may listen to a page's stream. The rule is the API's own (a
registered site's allowed origins, sites.queries.check_origin), handed over by the API app
when it loads (api/apps.py): live updates know no site. Without it, no other origin is served.
"""

from __future__ import annotations

from typing import Protocol


class OriginRule(Protocol):
    def canonical(self, origin: str) -> str | None:
        """`origin` as browsers send it in `Origin`, or None if it is not an origin."""

    def allows(self, site_key: str, origin: str, *, own_origin: str) -> bool:
        """Whether the site registered as `site_key` allows pages of `origin` (a query)."""


class _NoOtherOrigin:
    def canonical(self, origin: str) -> str | None:
        return origin.strip().lower() or None

    def allows(self, site_key: str, origin: str, *, own_origin: str) -> bool:
        return False


_rules: list[OriginRule] = [_NoOtherOrigin()]


def judge_origins_with(rule: OriginRule) -> None:
    """Serve other sites' pages as `rule` says (done once, by the API app)."""
    _rules[0] = rule


def rule() -> OriginRule:
    return _rules[0]
