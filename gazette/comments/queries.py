"""Reads of threads and comments: the one gate deciding which comments a reader sees.

A thread page is a page of top-level comments plus their first few replies (the rest are on
the replies page of each top-level comment), in a fixed number of queries however long the
thread is. Deleted or removed comments appear only as placeholders
for replies that are still visible.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from gazette.articles.models import Article
from gazette.comments import policy
from gazette.comments.conf import comment_settings
from gazette.comments.models import ClosedSection, Comment, CommentLike, Thread
from gazette.core import clock, pages
from gazette.core.editions import self_name

SORTS = {
    "oldest": ("created_at", "pk"),
    "newest": ("-created_at", "-pk"),
    "liked": ("-like_count", "created_at", "pk"),
}
DEFAULT_SORT = "oldest"
# Kept for moderators and notifications, never needed to show a thread.
_UNSHOWN_FIELDS = ("email", "body", "abuse_signals", "screening_reasons", "ip_hash", "fingerprint")
_SHOWN_STATES = (Comment.State.PUBLISHED, Comment.State.DELETED, Comment.State.REMOVED)


def site_id() -> str:
    return str(settings.GAZETTE_SITE_ID)


def article_thread_key(article: Article) -> str:
    return f"article:{article.pk}"


# A page showing a thread (or its count) is kept while the thread's version is unchanged.
THREAD_CHECK = "gazette.comments.queries.thread_versions"
CLOSED_SECTIONS_STAMP = "comments:closed-sections"


def thread_versions(article_ids: list[str]) -> dict[str, str]:
    """The version of each article's thread, by article ID (for core/pages.py).

    Asked on every request for a kept page, so written as the one small statement it is:
    building it through the ORM cost most of a kept page's time.
    """
    ids = [int(article_id) for article_id in article_ids if article_id.isdigit()]
    if not ids:
        return {}
    table = connection.ops.quote_name(Thread._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article_id, version FROM {table} WHERE site = %s AND article_id IN ({marks})",  # noqa: S608 - our table's name, placeholders for values
            [site_id(), *ids],
        )
        rows = cursor.fetchall()
    return {str(article_id): str(version) for article_id, version in rows}


def thread_of_article(article: Article) -> Thread | None:
    thread = Thread.objects.filter(site=site_id(), key=article_thread_key(article)).first()
    pages.depends_on(THREAD_CHECK, str(article.pk), thread.version if thread is not None else "")
    if thread is not None:
        thread.article = article
    return thread


def attach_comment_counts(articles: list[Article]) -> None:
    """Set `comment_count` (published comments) on each article of a listing, in one query."""
    if not articles:
        return
    counts: dict[int, int] = {}
    versions: dict[int, int] = {}
    rows = Thread.objects.filter(
        site=site_id(), article_id__in=[article.pk for article in articles]
    ).values_list("article_id", "comment_count", "version")
    for article_id, count, version in rows:
        counts[article_id], versions[article_id] = count, version
    for article in articles:
        # An attribute teasers read, set on the articles of one listing only.
        article.comment_count = counts.get(article.pk, 0)  # type: ignore[attr-defined]  # see above
        pages.depends_on(THREAD_CHECK, str(article.pk), versions.get(article.pk, ""))


def counts_of_pages(site: str, keys: list[str]) -> dict[str, tuple[int, int]]:
    """The published-comment count and the version of each page's thread, by key, in one
    query (a page nobody has commented on has no thread yet, and no entry)."""
    rows = Thread.objects.filter(site=site, key__in=keys).values_list(
        "key", "comment_count", "version"
    )
    return {key: (count, version) for key, count, version in rows}


@dataclass(frozen=True)
class EditionDiscussion:
    """Another edition's thread on the same story, as the article page links it."""

    language: str
    name: str
    count: int
    url: str


def edition_discussions(article: Article, editions: list[Article]) -> list[EditionDiscussion]:
    """The other editions' threads of `article`'s story that have comments, in one query.

    `editions` are the story's public articles (the page has them already). Each edition's
    thread version is declared, so a kept page changes when a comment arrives in any edition.
    """
    others = [edition for edition in editions if edition.pk != article.pk]
    if not others:
        return []
    rows = Thread.objects.filter(
        site=site_id(), article_id__in=[edition.pk for edition in others]
    ).values_list("article_id", "comment_count", "version")
    found = {article_id: (count, version) for article_id, count, version in rows}
    discussions = []
    for edition in others:
        count, version = found.get(edition.pk, (0, ""))
        pages.depends_on(THREAD_CHECK, str(edition.pk), version)
        if count:
            url = f"{edition.get_absolute_url()}#comments"
            discussions.append(
                EditionDiscussion(edition.language, self_name(edition.language), count, url)
            )
    return discussions


def closure_of(thread: Thread | None, article: Article | None = None) -> policy.Closure | None:
    """Why a thread accepts no comments, or None while it is open."""
    article = article or (thread.article if thread is not None else None)
    section_closed = None
    if article is not None:
        pages.stamp(CLOSED_SECTIONS_STAMP)
        section_closed = ClosedSection.objects.filter(section_id=article.section_id).first()
    opened_at = article.published_at if article is not None else None
    if opened_at is None and thread is not None:
        opened_at = thread.created_at
    days = comment_settings().auto_close_days
    if opened_at is not None and days:
        pages.fresh_until((opened_at + timedelta(days=days)).timestamp())
    return policy.thread_closure(
        thread_closed=thread is not None and thread.is_closed,
        thread_reason=thread.closed_reason if thread is not None else "",
        section_closed=section_closed is not None,
        section_reason=section_closed.reason if section_closed is not None else "",
        opened_at=opened_at,
        now=clock.now(),
        auto_close_days=comment_settings().auto_close_days,
    )


@dataclass(frozen=True)
class Entry:
    """A comment in reading order; or, with `more_replies`, the link to the rest of the replies
    under the top-level comment `comment`."""

    comment: Comment
    depth: int
    more_replies: int = 0

    @property
    def is_placeholder(self) -> bool:
        return not self.comment.is_published

    @property
    def is_comment(self) -> bool:
        return not self.more_replies


@dataclass(frozen=True)
class ThreadPage:
    thread: Thread | None
    sort: str
    page: Page[Comment] | None
    entries: list[Entry]
    liked_ids: frozenset[int]

    @property
    def count(self) -> int:
        return self.thread.comment_count if self.thread is not None else 0


def visible_roots(thread_id: int) -> QuerySet[Comment]:
    """Top-level comments a reader sees: published, or placeholders with published replies."""
    live_reply = Comment.objects.filter(root=OuterRef("pk"), state=Comment.State.PUBLISHED)
    return Comment.objects.filter(thread_id=thread_id, parent__isnull=True).filter(
        Q(state=Comment.State.PUBLISHED)
        | Q(state__in=[Comment.State.DELETED, Comment.State.REMOVED]) & Exists(live_reply)
    )


def normalised_sort(sort: str | None) -> str:
    return sort if sort in SORTS else DEFAULT_SORT


def comment_thread(
    thread: Thread | None,
    *,
    sort: str | None = None,
    page_number: int = 1,
    viewer_user_id: int | None = None,
    viewer_anonymous_id: str = "",
) -> ThreadPage:
    """One page of a thread, in at most four queries (count, roots, replies, the viewer's likes)."""
    sort = normalised_sort(sort)
    if thread is None or (thread.comment_count == 0 and not thread.comments.exists()):
        return ThreadPage(thread, sort, None, [], frozenset())
    roots = visible_roots(thread.pk).defer(*_UNSHOWN_FIELDS).order_by(*SORTS[sort])
    paginator = Paginator(roots, comment_settings().per_page)
    page = paginator.get_page(page_number)
    page_roots = list(page.object_list)
    replies = _first_replies(page_roots, comment_settings().replies_shown)
    entries = _with_more_links(_flatten(page_roots, replies), replies)
    liked = _liked_ids(entries, viewer_user_id, viewer_anonymous_id)
    return ThreadPage(thread, sort, page, entries, liked)


def _first_replies(roots: list[Comment], shown: int) -> list[Comment]:
    """The first `shown` replies under each root, oldest first, each annotated with how many
    replies its root has (`in_root`). A reply is always newer than what it answers, so the
    first few replies never miss the comment they hang from."""
    order = [F("created_at").asc(), F("pk").asc()]
    ranked = (
        Comment.objects.filter(root__in=[root.pk for root in roots], state__in=_SHOWN_STATES)
        .defer(*_UNSHOWN_FIELDS)
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("root_id")], order_by=order),
            in_root=Window(Count("pk"), partition_by=[F("root_id")]),
        )
        .filter(rank__lte=shown)
        .order_by("created_at", "pk")
    )
    return list(ranked)


def _with_more_links(entries: list[Entry], replies: list[Comment]) -> list[Entry]:
    """After each root's shown replies, a link to the others when there are more."""
    shown: dict[int, int] = defaultdict(int)
    in_root: dict[int, int] = {}
    for reply in replies:
        if reply.root_id is not None:
            shown[reply.root_id] += 1
            in_root[reply.root_id] = int(getattr(reply, "in_root", 0))

    def more_after(root: Comment | None) -> list[Entry]:
        hidden = in_root.get(root.pk, 0) - shown[root.pk] if root is not None else 0
        return [Entry(root, 1, more_replies=hidden)] if root is not None and hidden > 0 else []

    linked: list[Entry] = []
    root: Comment | None = None
    for entry in entries:
        if entry.depth == 0:
            linked.extend(more_after(root))
            root = entry.comment
        linked.append(entry)
    linked.extend(more_after(root))
    return linked


def replies_of(root: Comment) -> list[Entry]:
    """A top-level comment and every reply under it, in reading order (the replies page)."""
    replies = list(
        Comment.objects.filter(root=root, state__in=_SHOWN_STATES)
        .defer(*_UNSHOWN_FIELDS)
        .order_by("created_at", "pk")
    )
    return _flatten([root], replies)


def is_beyond_first_replies(comment: Comment) -> bool:
    """Whether a reply is not among the first few under its root (shown on the replies page)."""
    if comment.root_id is None:
        return False
    earlier = Comment.objects.filter(root_id=comment.root_id, state__in=_SHOWN_STATES).filter(
        Q(created_at__lt=comment.created_at) | Q(created_at=comment.created_at, pk__lt=comment.pk)
    )
    return earlier.count() >= comment_settings().replies_shown


def _flatten(roots: list[Comment], replies: list[Comment]) -> list[Entry]:
    """The tree in reading order, without deleted or removed comments that nobody answered."""
    children: dict[int, list[Comment]] = defaultdict(list)
    for reply in replies:
        if reply.parent_id is not None:
            children[reply.parent_id].append(reply)
    visible: dict[int, bool] = {}

    def shows(comment: Comment) -> bool:
        if comment.pk not in visible:
            kids = [shows(child) for child in children[comment.pk]]
            visible[comment.pk] = comment.is_published or any(kids)
        return visible[comment.pk]

    entries: list[Entry] = []
    stack = [(root, 0) for root in reversed(roots)]
    while stack:
        comment, depth = stack.pop()
        if not shows(comment):
            continue
        entries.append(Entry(comment, depth))
        stack.extend((child, depth + 1) for child in reversed(children[comment.pk]))
    return entries


def _liked_ids(entries: Iterable[Entry], user_id: int | None, anonymous_id: str) -> frozenset[int]:
    ids = [entry.comment.pk for entry in entries if entry.comment.is_published]
    return liked_among(ids, user_id, anonymous_id)


def liked_among(ids: list[int], user_id: int | None, anonymous_id: str) -> frozenset[int]:
    """Which of these comments the reader likes, in one query (none for a reader unknown yet)."""
    if not ids or (user_id is None and not anonymous_id):
        return frozenset()
    likes = CommentLike.objects.filter(comment_id__in=ids)
    if user_id is not None:
        likes = likes.filter(user_id=user_id)
    else:
        likes = likes.filter(user__isnull=True, anonymous_id=anonymous_id)
    return frozenset(likes.values_list("comment_id", flat=True))


def page_of(comment: Comment) -> int:
    """The page of the oldest-first thread on which a comment appears."""
    root_id = comment.root_id or comment.pk
    root = Comment.objects.only("created_at", "thread_id").get(pk=root_id)
    before = (
        visible_roots(root.thread_id)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk))
        .count()
    )
    return before // comment_settings().per_page + 1


def feed_comments(thread: Thread, limit: int = 50) -> list[Comment]:
    comments = Comment.objects.published().filter(thread=thread)
    return list(comments.order_by("-created_at", "-pk")[:limit])


def latest_comments(edition: str, limit: int = 50) -> list[Comment]:
    """The newest published comments on the edition's published articles (one query)."""
    articles = Article.objects.published().in_language(edition)
    comments = Comment.objects.published().filter(
        thread__site=site_id(), thread__article__in=articles
    )
    return list(comments.select_related("thread").order_by("-created_at", "-pk")[:limit])
