"""Pure decisions about threads and comments, over plain values (no database access)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Closure:
    """Why a thread accepts nothing; `message` is shown under it."""

    message: str


def thread_closure(
    *,
    thread_closed: bool,
    thread_reason: str,
    section_closed: bool,
    section_reason: str,
    opened_at: datetime | None,
    now: datetime,
    auto_close_days: int,
) -> Closure | None:
    """None while the thread is open; otherwise the first reason it is closed."""
    if thread_closed:
        return Closure(thread_reason or _("Comments on this article are closed."))
    if section_closed:
        return Closure(section_reason or _("Comments are closed in this section."))
    if (
        auto_close_days
        and opened_at is not None
        and now >= opened_at + timedelta(days=auto_close_days)
    ):
        return Closure(
            ngettext(
                "Comments close %(days)d day after publication.",
                "Comments close %(days)d days after publication.",
                auto_close_days,
            )
            % {"days": auto_close_days}
        )
    return None


def may_change(*, is_author: bool, created_at: datetime, now: datetime, window: timedelta) -> bool:
    """An author may edit or delete their comment for a while after posting it."""
    return is_author and now < created_at + window


def attaches_to_grandparent(*, parent_depth: int, max_depth: int) -> bool:
    """A reply to a comment at the deepest level sits beside it, under the same parent."""
    return parent_depth >= max_depth > 0


def author_standing(*, has_account: bool, is_staff: bool, address_verified: bool) -> str:
    """Who an author is, as shown beside their name: a guest (no account), a reader with an
    account, a reader whose address is confirmed, or a member of the newsroom's staff."""
    if not has_account:
        return "guest"
    if is_staff:
        return "staff"
    return "verified" if address_verified else "reader"
