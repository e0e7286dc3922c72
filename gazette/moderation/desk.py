"""The moderators' desk: what each queue shows, in a fixed number of queries per page.

Queues: Pending (held, no rule fired: pre-moderation, reports, review), Held by rules (screening
held it), Reported (open reports, or a reporter asked for a review; a trusted flagger's open
report first in every queue that waits for a decision), Recently published (what
post-moderation let through and no moderator has looked at, riskiest first), Removed, Appeals.
Each item
carries the comment in its context (article, the comment it answers), the discussion's moderation
mode, the author's history, reports, decisions and screening reasons, and what this site's
classifier makes of it now.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from gazette.comments.models import Comment, Thread
from gazette.core import clock
from gazette.moderation import modes
from gazette.moderation.models import (
    Appeal,
    AuditEntry,
    Decision,
    QueueClaim,
    Report,
    Sanction,
)
from gazette.moderation.screening.classifier import Score
from gazette.moderation.screening.rules import Rules, load_rules
from gazette.moderation.screening.scores import Scores, scores_of
from gazette.moderation.screening.termmatch import Hit

PER_PAGE = 25
# The recently published queue: comments of the last RECENT_DAYS, at most RECENT_LIMIT of the
# newest, each scored by screening's models on the page so the riskiest come first.
RECENT_DAYS = 3
RECENT_LIMIT = 200


class Queue(StrEnum):
    PENDING = "pending"
    HELD = "held"
    REPORTED = "reported"
    RECENT = "recent"
    REMOVED = "removed"
    APPEALS = "appeals"


class RecentOrder(StrEnum):
    RISK = "risk"  # highest screening score first, then links, then first-time authors
    NEWEST = "newest"


@dataclass(frozen=True)
class Filters:
    section: str = ""
    language: str = ""
    # A story: its original article's ID; its editions' threads are read together.
    story: int | None = None
    # The recently published queue only.
    order: RecentOrder = RecentOrder.RISK
    with_links: bool = False
    first_time: bool = False

    @property
    def query(self) -> str:
        """The filters as a query string, for links that keep them ("" when none is set)."""
        values = {
            "section": self.section,
            "language": self.language,
            "story": self.story or "",
            "order": "" if self.order == RecentOrder.RISK else self.order.value,
            "with_links": "on" if self.with_links else "",
            "first_time": "on" if self.first_time else "",
        }
        return urlencode({name: value for name, value in values.items() if value})


@dataclass
class History:
    """What the desk knows of an author: comments by state, sanctions in force."""

    by_state: Counter[str] = field(default_factory=Counter)
    sanctions: list[Sanction] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def states(self) -> list[tuple[str, int]]:
        """For templates: a Counter looks up "items" as a key and finds 0."""
        return sorted(self.by_state.items())


@dataclass
class Item:
    comment: Comment
    reports: list[Report] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    history: History = field(default_factory=History)
    appeal: Appeal | None = None
    hits: list[Hit] = field(default_factory=list)
    score: Score | None = None
    mode: modes.ModeInForce | None = None
    # What screening's models make of the text now, and the rules its arrival recorded.
    scores: Scores | None = None
    arrival_rules: list[str] = field(default_factory=list)
    # A moderator's claim in force on the item (services/claims.py), with its moderator.
    claim: QueueClaim | None = None

    @property
    def first_time_author(self) -> bool:
        return self.history.total <= 1

    @property
    def risk(self) -> tuple[float, bool, bool]:
        scores = self.scores or Scores()
        return (scores.highest, scores.has_links, self.first_time_author)

    @property
    def open_reports(self) -> list[Report]:
        return [report for report in self.reports if report.outcome == Report.Outcome.OPEN]

    @property
    def story_id(self) -> int | None:
        """The story of the comment's article (its original's ID), if it is under an article."""
        article = self.comment.thread.article
        return None if article is None else article.original_id or article.pk


def _filtered(comments: QuerySet[Comment], filters: Filters) -> QuerySet[Comment]:
    if filters.section:
        comments = comments.filter(thread__article__section__slug=filters.section)
    if filters.language:
        comments = comments.filter(thread__article__language=filters.language)
    if filters.story:
        comments = comments.filter(_in_story("thread__article", filters.story))
    return comments


def _in_story(article: str, story: int) -> Q:
    return Q(**{f"{article}_id": story}) | Q(**{f"{article}__original_id": story})


def story_threads(story: int | None) -> list[Thread]:
    """The threads of a story's editions, original first, each with its article (one query)."""
    if not story:
        return []
    threads = Thread.objects.filter(_in_story("article", story)).select_related("article")
    return sorted(threads, key=lambda thread: (thread.article_id != story, thread.pk))


def _no_rule_fired() -> Q:
    """Held with no reason, or only because the discussion is pre-moderated (the reason in any
    edition's language)."""
    reasons = [Q(screening_reasons=[reason]) for reason in modes.premoderated_reasons()]
    return reduce(or_, reasons, Q(screening_reasons=[]))


def queue_comments(queue: Queue, filters: Filters) -> QuerySet[Comment]:
    comments = Comment.objects.select_related("thread__article__section", "in_reply_to", "user")
    if queue == Queue.PENDING:
        comments = comments.filter(_no_rule_fired(), state=Comment.State.PENDING)
    elif queue == Queue.HELD:
        comments = comments.filter(state=Comment.State.PENDING).exclude(_no_rule_fired())
    elif queue == Queue.REPORTED:
        reported = Report.objects.filter(outcome=Report.Outcome.OPEN)
        comments = comments.filter(pk__in=reported.values("comment_id")).exclude(
            state__in=[Comment.State.REMOVED, Comment.State.DELETED]
        )
    elif queue == Queue.RECENT:
        seen = Decision.objects.filter(automatic=False).values("comment_id")
        comments = comments.filter(
            state=Comment.State.PUBLISHED,
            created_at__gte=clock.now() - timedelta(days=RECENT_DAYS),
        ).exclude(pk__in=seen)
    elif queue == Queue.REMOVED:
        comments = comments.filter(state=Comment.State.REMOVED)
    else:
        # Appeals of every kind that concern a comment (the appeals page lists them all).
        comments = comments.filter(pk__in=Appeal.objects.pending().values("comment_id"))
    if queue in (Queue.REMOVED, Queue.RECENT):
        return _filtered(comments, filters).order_by("-created_at", "pk")
    # A trusted flagger's open report comes first (DSA Art. 22: priority), then oldest first.
    flagged = Report.objects.filter(
        comment=OuterRef("pk"), outcome=Report.Outcome.OPEN, trusted_flagger=True
    )
    return (
        _filtered(comments, filters)
        .alias(flagged=Exists(flagged))
        .order_by(F("flagged").desc(), "created_at", "pk")
    )


def in_queue(comment_id: int, queue: Queue, filters: Filters) -> Item | None:
    """One item as the queue's page would show it, or None if it is not in that queue (with
    those filters) now: what a page open on the queue inserts when the item arrives."""
    comment = queue_comments(queue, filters).filter(pk=comment_id).first()
    return None if comment is None else item_for(comment)


def queue_counts(filters: Filters) -> dict[str, int]:
    """How many items wait in each queue (one query per queue, for the tabs)."""
    return {queue.value: queue_comments(queue, filters).count() for queue in Queue}


def queue_page(queue: Queue, filters: Filters, page_number: str | int = 1) -> Page[Item]:
    """One page of a queue, every item filled in (a fixed number of queries)."""
    paginator = Paginator(queue_comments(queue, filters), PER_PAGE)
    page = paginator.get_page(page_number)
    comments = list(page.object_list)
    items = [Item(comment) for comment in comments]
    _fill(items)
    page.object_list = items  # type: ignore[assignment]  # a page of items, not of comments
    return page  # type: ignore[return-value]  # see above


def recent_page(filters: Filters, page_number: str | int = 1) -> Page[Item]:
    """The recently published queue: the newest comments of the last RECENT_DAYS that no
    moderator has decided, riskiest first by default (a fixed number of queries)."""
    comments = list(queue_comments(Queue.RECENT, filters)[:RECENT_LIMIT])
    items = [Item(comment) for comment in comments]
    _fill(items, all_scores=True)
    if filters.with_links:
        items = [item for item in items if item.scores is not None and item.scores.has_links]
    if filters.first_time:
        items = [item for item in items if item.first_time_author]
    if filters.order == RecentOrder.RISK:
        items.sort(key=lambda item: item.risk, reverse=True)
    return Paginator(items, PER_PAGE).get_page(page_number)


def item_for(comment: Comment) -> Item:
    item = Item(comment)
    _fill([item])
    return item


def _fill(items: list[Item], *, all_scores: bool = False) -> None:
    if not items:
        return
    by_id = {item.comment.pk: item for item in items}
    for report in Report.objects.filter(comment_id__in=by_id).select_related("clause"):
        by_id[report.comment_id].reports.append(report)
    decisions = (
        Decision.objects.filter(comment_id__in=by_id)
        .select_related("clause", "actor")
        .order_by("created_at", "pk")
    )
    for decision in decisions:
        by_id[decision.comment_id].decisions.append(decision)
    for appeal in Appeal.objects.pending().filter(comment_id__in=by_id):
        by_id[appeal.comment_id or 0].appeal = appeal
    claims = QueueClaim.objects.in_force(clock.now()).filter(comment_id__in=by_id)
    for claim in claims.select_related("moderator"):
        by_id[claim.comment_id].claim = claim
    _fill_histories(items)
    try:
        rules: Rules | None = load_rules()
    except Exception:  # the desk stays usable; screening itself holds comments meanwhile
        rules = None
    if rules is None:
        return
    _fill_modes(items, rules)
    _fill_screening(items, rules)
    if all_scores:
        _fill_scores(items, rules)


def _author_key(comment: Comment) -> tuple[str, object]:
    if comment.user_id is not None:
        return ("user", comment.user_id)
    return ("ip", comment.ip_hash)


def _fill_histories(items: list[Item]) -> None:
    user_ids = {item.comment.user_id for item in items if item.comment.user_id is not None}
    ip_hashes = {
        item.comment.ip_hash
        for item in items
        if item.comment.user_id is None and item.comment.ip_hash
    }
    histories: dict[tuple[str, object], History] = defaultdict(History)
    rows = (
        Comment.objects.filter(
            Q(user_id__in=user_ids) | Q(user__isnull=True, ip_hash__in=ip_hashes)
        )
        .values("user_id", "ip_hash", "state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        key = ("user", row["user_id"]) if row["user_id"] is not None else ("ip", row["ip_hash"])
        histories[key].by_state[row["state"]] += row["count"]
    sanctions = Sanction.objects.filter(
        Q(user_id__in=user_ids) | Q(ip_hash__in=ip_hashes)
    ).select_related("clause")
    for sanction in sanctions:
        if sanction.user_id is not None:
            histories[("user", sanction.user_id)].sanctions.append(sanction)
        if sanction.ip_hash:
            histories[("ip", sanction.ip_hash)].sanctions.append(sanction)
    for item in items:
        item.history = histories[_author_key(item.comment)]


def _fill_modes(items: list[Item], rules: Rules) -> None:
    """The moderation mode of each item's discussion now (one query for the page)."""
    articles = {
        item.comment.thread.article.pk: item.comment.thread.article
        for item in items
        if item.comment.thread.article is not None
    }
    found = modes.modes_of_articles(articles.values(), rules.settings)
    site_wide = modes.site_mode(rules.settings)
    for item in items:
        item.mode = found.get(item.comment.thread.article_id or 0, site_wide)


def _fill_screening(items: list[Item], rules: Rules) -> None:
    """Why screening would hold each comment now: the terms it finds and the classifier's
    score with the n-grams behind it. If the rules cannot load, the desk shows none."""
    for item in items:
        item.hits = rules.matcher.find(item.comment.body)
        if rules.classifier is not None:
            item.score = rules.classifier.score(item.comment.body)


def _fill_scores(items: list[Item], rules: Rules) -> None:
    """Every model's score of each text, and the rules screening recorded at its arrival (one
    query for the page)."""
    by_id = {item.comment.pk: item for item in items}
    arrivals = AuditEntry.objects.filter(
        event=AuditEntry.Event.SCREENED, comment_id__in=by_id
    ).values_list("comment_id", "rules")
    for comment_id, rules_used in arrivals:
        if comment_id is not None and rules_used:
            by_id[comment_id].arrival_rules = rules_used.split(",")
    for item in items:
        item.scores = scores_of(item.comment.body, rules)
