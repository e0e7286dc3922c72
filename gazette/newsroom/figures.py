"""One row of a dashboard table: counts summed over a period, and the shares drawn from them.

Rows are plain values (no model instances), so the page, the CSV file and the JSON document all
print the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from gazette.newsroom import policy

# The counts summed from the daily rollups, in the order tables and downloads show them.
COUNTS = (
    "votes",
    "votes_yes",
    "votes_no",
    "comments",
    "commenters",
    "replies",
    "reports",
    "comments_posted",
    "held",
    "removed",
)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    url: str = ""
    articles: int = 0
    votes: int = 0
    votes_yes: int = 0
    votes_no: int = 0
    comments: int = 0
    commenters: int = 0
    replies: int = 0
    reports: int = 0
    comments_posted: int = 0
    held: int = 0
    removed: int = 0
    top_clause: str = ""

    @classmethod
    def of(cls, key: str, label: str, sums: Mapping[str, int], **rest: object) -> Row:
        return cls(key, label, **{name: int(sums.get(name) or 0) for name in COUNTS}, **rest)  # type: ignore[arg-type]  # keyword values checked by the dataclass

    def plus(self, other: Mapping[str, int], articles: int = 1) -> Row:
        """This row with `other`'s counts added (one more article by default)."""
        changes = {name: getattr(self, name) + int(other.get(name) or 0) for name in COUNTS}
        return replace(self, articles=self.articles + articles, **changes)

    @property
    def interval(self) -> policy.Interval | None:
        """The share of "yes" among yes and no answers, with its 95 % interval."""
        return policy.wilson_interval(self.votes_yes, self.votes_yes + self.votes_no)

    @property
    def yes_share(self) -> float | None:
        interval = self.interval
        return interval.share if interval else None

    @property
    def held_share(self) -> float | None:
        return policy.share(self.held, self.comments_posted)

    @property
    def removed_share(self) -> float | None:
        return policy.share(self.removed, self.comments_posted)

    def as_record(self) -> dict[str, object]:
        """The row as a download prints it: every count, then the shares to four places."""
        interval = self.interval
        record: dict[str, object] = {
            "key": self.key,
            "label": self.label,
            "url": self.url,
            "articles": self.articles,
        }
        record.update({name: getattr(self, name) for name in COUNTS})
        record.update(
            {
                "yes_share": _rounded(interval.share if interval else None),
                "yes_low": _rounded(interval.low if interval else None),
                "yes_high": _rounded(interval.high if interval else None),
                "held_share": _rounded(self.held_share),
                "removed_share": _rounded(self.removed_share),
                "top_clause": self.top_clause,
            }
        )
        return record


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


RECORD_FIELDS = [
    "key",
    "label",
    "url",
    "articles",
    *COUNTS,
    "yes_share",
    "yes_low",
    "yes_high",
    "held_share",
    "removed_share",
    "top_clause",
]

# Sort keys the tables accept (`?sort=`, a leading "-" for largest first).
SORTS = {
    "label": lambda row: row.label.casefold(),
    "articles": lambda row: row.articles,
    "votes": lambda row: row.votes,
    "yes_share": lambda row: row.yes_share if row.yes_share is not None else -1.0,
    # The interval's lower end: many votes at 80 % rank above 3 votes at 100 %.
    "yes_low": lambda row: row.interval.low if row.interval else -1.0,
    "comments": lambda row: row.comments,
    "commenters": lambda row: row.commenters,
    "replies": lambda row: row.replies,
    "reports": lambda row: row.reports,
    "held_share": lambda row: row.held_share if row.held_share is not None else -1.0,
    "removed_share": lambda row: row.removed_share if row.removed_share is not None else -1.0,
}
DEFAULT_SORT = "-comments"


def normalised_sort(sort: str | None) -> str:
    """A known sort key, else the default (unknown keys are not an error: links outlive keys)."""
    if sort and sort.removeprefix("-") in SORTS:
        return sort
    return DEFAULT_SORT


def _answered_share(counts: Mapping[str, int]) -> float:
    answered = counts["votes_yes"] + counts["votes_no"]
    return counts["votes_yes"] / answered if answered else -1.0


def _answered_low(counts: Mapping[str, int]) -> float:
    interval = policy.wilson_interval(counts["votes_yes"], counts["votes_yes"] + counts["votes_no"])
    return interval.low if interval else -1.0


def _part_of_posted(name: str) -> Callable[[Mapping[str, int]], float]:
    return lambda counts: (
        counts[name] / counts["comments_posted"] if counts["comments_posted"] else -1.0
    )


def counts_key(sort: str) -> Callable[[Mapping[str, int]], float]:
    """The sort key of `sort` over one article's summed counts (no Row needed: a year's
    overview ranks every article of the period and names only those it shows)."""
    name = sort.removeprefix("-")
    special: dict[str, Callable[[Mapping[str, int]], float]] = {
        "articles": lambda _counts: 1.0,
        "yes_share": _answered_share,
        "yes_low": _answered_low,
        "held_share": _part_of_posted("held"),
        "removed_share": _part_of_posted("removed"),
    }
    return special.get(name) or (lambda counts: float(counts[name] or 0))


def sorted_rows(rows: list[Row], sort: str) -> list[Row]:
    key = SORTS[sort.removeprefix("-")]
    # Ties keep a stable order by label, so pages and downloads list rows alike.
    by_label = sorted(rows, key=lambda row: (row.label.casefold(), row.key))
    return sorted(by_label, key=key, reverse=sort.startswith("-"))
