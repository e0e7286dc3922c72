"""What an import did, counted per outcome, with every skipped record and its reason (the first
few thousand listed, all of them counted) and the pages that matched none of our articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gazette.importers.records import Fault

MAX_LISTED = 2000


class Outcome:
    """The keys of a report's counts."""

    PUBLISHED = "published"
    PENDING = "pending"
    SPAM = "spam"
    REMOVED = "removed"
    DELETED = "deleted"
    ALREADY_IMPORTED = "already_imported"
    SKIPPED = "skipped"
    AT_TOP_LEVEL = "placed_at_top_level"
    ARTICLES_CREATED = "articles_created"
    THREADS_MATCHED = "threads_matched"
    THREADS_CREATED = "threads_created"
    # A Gazette export's history (history.py).
    SITES_CREATED = "sites_created"
    POLICY_VERSIONS = "policy_versions_restored"
    POLLS = "polls_restored"
    DECISIONS = "decisions_restored"


@dataclass
class Report:
    comments_in_file: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    skipped: list[dict[str, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    unmatched_pages: list[str] = field(default_factory=list)

    def skip(self, fault: Fault) -> None:
        self.counts[Outcome.SKIPPED] += 1
        if len(self.skipped) < MAX_LISTED:
            self.skipped.append({"id": fault.ref, "reason": fault.reason, "where": fault.where})

    def note(self, ref: str, reason: str) -> None:
        """A comment imported otherwise than the source had it (a reply at the top level)."""
        self.counts[Outcome.AT_TOP_LEVEL] += 1
        if len(self.notes) < MAX_LISTED:
            self.notes.append({"id": ref, "reason": reason})

    def page_unmatched(self, address: str, *, created: bool) -> None:
        """A page that is none of our articles, whose comments go to a thread keyed by its
        address (created now, or by an earlier run)."""
        if created:
            self.counts[Outcome.THREADS_CREATED] += 1
        if len(self.unmatched_pages) < MAX_LISTED:
            self.unmatched_pages.append(address)

    @property
    def imported(self) -> int:
        return sum(
            self.counts[key]
            for key in (
                Outcome.PUBLISHED,
                Outcome.PENDING,
                Outcome.SPAM,
                Outcome.REMOVED,
                Outcome.DELETED,
            )
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "comments_in_file": self.comments_in_file,
            "counts": dict(self.counts),
            "skipped": self.skipped,
            "notes": self.notes,
            "unmatched_pages": self.unmatched_pages,
        }


def summary(report: Report) -> list[str]:
    """The report as lines for a terminal."""
    counts = report.counts
    lines = [
        _("Comments in the file: %(count)d") % {"count": report.comments_in_file},
        _(
            "Imported: %(published)d published, %(pending)d held for review, %(spam)d spam, "
            "%(deleted)d deleted"
        )
        % {
            "published": counts[Outcome.PUBLISHED],
            "pending": counts[Outcome.PENDING],
            "spam": counts[Outcome.SPAM],
            "deleted": counts[Outcome.DELETED],
        },
        _("Removed by moderation at the source: %(count)d") % {"count": counts[Outcome.REMOVED]},
        _("Already imported: %(count)d") % {"count": counts[Outcome.ALREADY_IMPORTED]},
        _("Skipped: %(count)d") % {"count": counts[Outcome.SKIPPED]},
    ]
    lines += [f"  {item['id'] or '-'}: {item['reason']}" for item in report.skipped]
    lines.append(
        _("Replies shown at the top level: %(count)d") % {"count": counts[Outcome.AT_TOP_LEVEL]}
    )
    lines += [f"  {item['id']}: {item['reason']}" for item in report.notes]
    lines.append(
        _(
            "Articles created from posts: %(articles)d; threads of our articles: %(matched)d; "
            "new threads for other pages: %(created)d"
        )
        % {
            "articles": counts[Outcome.ARTICLES_CREATED],
            "matched": counts[Outcome.THREADS_MATCHED],
            "created": counts[Outcome.THREADS_CREATED],
        }
    )
    lines.append(_history(counts))
    if report.unmatched_pages:
        lines.append(_("Pages that match none of our articles:"))
        lines += [f"  {address}" for address in report.unmatched_pages]
    return lines


def _history(counts: Counter[str]) -> str:
    """What a Gazette export brought beside its comments (history.py)."""
    return _(
        "Restored history: sites %(sites)d; Comment Policy versions %(versions)d; "
        "polls %(polls)d; moderation decisions %(decisions)d"
    ) % {
        "sites": counts[Outcome.SITES_CREATED],
        "versions": counts[Outcome.POLICY_VERSIONS],
        "polls": counts[Outcome.POLLS],
        "decisions": counts[Outcome.DECISIONS],
    }
