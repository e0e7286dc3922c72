"""Writing staged records to the site: one transaction per batch of whole pages.

A batch holds every comment of each of its pages, so a thread is never seen half imported;
a page with more comments than the batch size is one transaction of its own. Each comment's
source ID is recorded with it, in the same transaction: a second run, or a run after an
interruption, skips what is there and adds the rest. Imported comments are not screened, not
announced to anyone and not recorded as moderation decisions: they arrive as the source had
them (published, held, spam or deleted).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils.translation import gettext as _

from gazette.articles.models import Article, Section
from gazette.comments import policy, queries
from gazette.comments.conf import comment_settings
from gazette.comments.models import Comment, Standing, Thread
from gazette.comments.services.threads import thread_for_article
from gazette.core.network import ip_hash
from gazette.core.text import NameRefused, clean_name
from gazette.importers.markup import comment_html
from gazette.importers.matching import ArticleIndex, canonical_or_blank
from gazette.importers.models import ImportedComment
from gazette.importers.posts import create_article
from gazette.importers.records import Fault, SourceComment, SourceState, SourceThread
from gazette.importers.report import Outcome, Report

State = Comment.State
STATES = {
    SourceState.PUBLISHED: State.PUBLISHED,
    SourceState.PENDING: State.PENDING,
    SourceState.SPAM: State.REMOVED,
    SourceState.REMOVED: State.REMOVED,
    SourceState.DELETED: State.DELETED,
}
OUTCOMES = {
    SourceState.PUBLISHED: Outcome.PUBLISHED,
    SourceState.PENDING: Outcome.PENDING,
    SourceState.SPAM: Outcome.SPAM,
    SourceState.REMOVED: Outcome.REMOVED,
    SourceState.DELETED: Outcome.DELETED,
}
_CHUNK = 500  # rows per statement, under every database's limit of parameters

Batch = list[tuple[SourceThread, list[SourceComment]]]


@dataclass(frozen=True)
class Target:
    """Where one page's comments go."""

    source: str
    section: Section | None
    is_wordpress: bool
    dry_run: bool


def source_levels(comments: Sequence[SourceComment]) -> dict[str, int]:
    """How deep each comment sits among the given ones (0: its parent is not among them). A
    loop of parents, which a corrupt export can hold, is cut above the first of its comments
    in file order."""
    by_ref = {comment.ref: comment for comment in comments}
    levels: dict[str, int] = {}
    for comment in comments:
        chain: list[str] = []
        ref = comment.ref
        while ref not in levels:
            if ref in chain:
                levels[ref] = 0
                break
            chain.append(ref)
            parent = by_ref.get(by_ref[ref].parent_ref)
            if parent is None:
                levels[ref] = 0
                break
            ref = parent.ref
        depth = levels[ref]
        for earlier in reversed(chain):
            if earlier not in levels:
                depth += 1
                levels[earlier] = depth
    return levels


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


class Loader:
    def __init__(self, target: Target, report: Report) -> None:
        self.target = target
        self.report = report
        self.index = ArticleIndex.build()
        self.site = queries.site_id()
        self.max_depth = comment_settings().max_depth
        self._ip_hashes: dict[str, str] = {}

    def load(self, batch: Batch) -> None:
        """One transaction; a dry run does the same work and rolls it back."""
        with transaction.atomic():
            self._load(batch)
            if self.target.dry_run:
                transaction.set_rollback(True)

    def _load(self, batch: Batch) -> None:
        pending: list[tuple[Thread, SourceComment]] = []
        for source_thread, comments in batch:
            thread = self._thread(source_thread, comments)
            if thread is not None:
                pending.extend((thread, comment) for comment in comments)
        known = self._already_imported([comment.ref for _thread, comment in pending])
        self.report.counts[Outcome.ALREADY_IMPORTED] += len(known)
        new = [(thread, comment) for thread, comment in pending if comment.ref not in known]
        made = self._insert(new)
        ImportedComment.objects.bulk_create(
            [
                ImportedComment(source=self.target.source, source_id=ref, comment=comment)
                for ref, comment in made.items()
            ],
            batch_size=_CHUNK,
        )
        self._count(new)

    # ---------------------------------------------------------------- pages

    def _thread(self, source: SourceThread, comments: list[SourceComment]) -> Thread | None:
        """The thread for a page's comments (the page's article created from its WordPress
        post if need be), or None with each comment reported as skipped."""
        if source.is_deleted:
            self._skip_all(comments, _("a comment in a deleted thread"))
            return None
        article_id = self.index.article_id(
            source, source=self.target.source, is_wordpress=self.target.is_wordpress
        )
        if article_id is None and source.post is not None and self.target.section is not None:
            article = create_article(
                post=source.post,
                section=self.target.section,
                source=self.target.source,
                post_id=source.identifier or source.ref,
            )
            self.report.counts[Outcome.ARTICLES_CREATED] += 1
            if not self.target.dry_run:
                self.index.add(article)
            article_id = article.pk
        # A closed thread of a Gazette export stays closed, comments or none, as readers saw it.
        if not comments and not (source.is_closed and source.key):
            return None
        thread = self._keyed_thread(source, comments) if article_id is None else None
        if article_id is not None:
            thread = thread_for_article(Article.objects.get(pk=article_id))
            self.report.counts[Outcome.THREADS_MATCHED] += 1
        if thread is not None and source.is_closed and not thread.is_closed:
            Thread.objects.filter(pk=thread.pk).update(
                is_closed=True, closed_reason=source.closed_reason[:200], version=F("version") + 1
            )
            thread.is_closed = True
        return thread

    def _keyed_thread(self, source: SourceThread, comments: list[SourceComment]) -> Thread | None:
        if source.article is not None:
            edition, slug = source.article
            self._skip_all(
                comments,
                _(
                    "its article (%(edition)s, %(slug)s) is not on this site; import or "
                    "publish the article first"
                )
                % {"edition": edition, "slug": slug[:200]},
            )
            return None
        if source.site and source.key:
            # A Gazette export's own thread keeps its site and key.
            thread, created = Thread.objects.get_or_create(
                site=source.site,
                key=source.key,
                defaults={"url": source.link[:500], "title": source.title[:200]},
            )
            self.report.page_unmatched(source.key, created=created)
            return thread
        address = canonical_or_blank(source.link)
        if not address:
            reason = _(
                "its page has no full web address (%(address)s); for an Isso database, give "
                "the site's address"
            ) % {"address": source.link[:200] or "-"}
            self._skip_all(comments, reason)
            return None
        thread, created = Thread.objects.get_or_create(
            site=self.site, key=address, defaults={"url": address, "title": source.title[:200]}
        )
        self.report.page_unmatched(address, created=created)
        return thread

    def _skip_all(self, comments: list[SourceComment], reason: str) -> None:
        for comment in comments:
            self.report.skip(Fault(reason, ref=comment.ref))

    # ---------------------------------------------------------------- comments

    def _already_imported(self, refs: Sequence[str]) -> set[str]:
        known: set[str] = set()
        for chunk in _chunks(refs):
            known.update(
                ImportedComment.objects.filter(
                    source=self.target.source, source_id__in=chunk
                ).values_list("source_id", flat=True)
            )
        return known

    def _imported_parents(self, refs: Sequence[str]) -> dict[str, Comment]:
        """Parents imported by an earlier batch or run."""
        found: dict[str, Comment] = {}
        for chunk in _chunks(refs):
            rows = ImportedComment.objects.filter(
                source=self.target.source, source_id__in=chunk
            ).select_related("comment")
            found.update((row.source_id, row.comment) for row in rows)
        return found

    def _insert(self, new: list[tuple[Thread, SourceComment]]) -> dict[str, Comment]:
        """Insert the comments parents first, one statement per level of replies."""
        levels = source_levels([comment for _thread, comment in new])
        by_level: dict[int, list[tuple[Thread, SourceComment]]] = defaultdict(list)
        for thread, comment in new:
            by_level[levels[comment.ref]].append((thread, comment))
        outside = sorted(
            {comment.parent_ref for _t, comment in new if comment.parent_ref} - set(levels)
        )
        earlier = self._imported_parents(outside)
        made: dict[str, Comment] = {}
        for level in sorted(by_level):
            rows = []
            for thread, source in sorted(by_level[level], key=lambda pair: pair[1].created_at):
                parent = made.get(source.parent_ref) or earlier.get(source.parent_ref)
                if parent is not None and parent.thread_id != thread.pk:
                    parent = None
                if source.parent_ref and parent is None:
                    self.report.note(source.ref, _("its parent is not imported: shown at the top"))
                made[source.ref] = self._comment(thread, source, parent)
                rows.append(made[source.ref])
            Comment.objects.bulk_create(rows, batch_size=_CHUNK)
        return made

    def _comment(self, thread: Thread, source: SourceComment, parent: Comment | None) -> Comment:
        state = STATES[source.state]
        deleted = state == State.DELETED
        comment = Comment(
            thread=thread,
            author_name=_name(source.author_name),
            email=source.email,
            body=source.body,
            # A deleted comment's text stays out of every page, whatever a template does.
            body_html="" if deleted else comment_html(source.body, source.markup),
            state=state,
            policy_version=source.policy_version[:20],
            language=source.language[:8]
            or (thread.article.language if thread.article is not None else ""),
            abuse_signals={"imported_from": self.target.source, "source_id": source.ref},
            screening_reasons=_reasons(source.state),
            ip_hash=source.ip_hash[:64] or self._ip_hash(source.ip),
            author_key=source.author_key[:100],
            author_standing=source.standing
            if source.standing in Standing.values
            else Standing.GUEST,
            fingerprint=hashlib.sha256(
                f"import\x1f{self.target.source}\x1f{source.ref}".encode()
            ).hexdigest(),
            like_count=source.likes,
            created_at=source.created_at,
            edited_at=source.edited_at,
            deleted_at=(source.deleted_at or source.created_at) if deleted else None,
        )
        if parent is not None:
            self._place(comment, parent)
        return comment

    def _ip_hash(self, ip: str) -> str:
        # A keyed hash costs a key derivation; an export repeats its senders' addresses.
        if ip and ip not in self._ip_hashes:
            self._ip_hashes[ip] = ip_hash(ip)
        return self._ip_hashes.get(ip, "")

    def _place(self, comment: Comment, parent: Comment) -> None:
        """Where posting would put a reply to this parent (posting._placement)."""
        comment.in_reply_to = parent
        comment.in_reply_to_name = parent.author_name
        comment.root_id = parent.root_id or parent.pk
        if policy.attaches_to_grandparent(parent_depth=parent.depth, max_depth=self.max_depth):
            comment.parent_id, comment.depth = parent.parent_id, parent.depth
        else:
            comment.parent_id, comment.depth = parent.pk, parent.depth + 1

    def _count(self, new: list[tuple[Thread, SourceComment]]) -> None:
        for _thread, source in new:
            self.report.counts[OUTCOMES[source.state]] += 1
        published = Counter(
            thread.pk for thread, source in new if source.state == SourceState.PUBLISHED
        )
        touched = sorted({thread.pk for thread, _source in new})
        for start in range(0, len(touched), _CHUNK):
            chunk = touched[start : start + _CHUNK]
            added = [When(pk=pk, then=Value(published[pk])) for pk in chunk if published[pk]]
            Thread.objects.filter(pk__in=chunk).update(
                comment_count=F("comment_count") + Case(*added, default=Value(0)),
                version=F("version") + 1,
            )


def _name(name: str) -> str:
    try:
        cleaned = clean_name(name)[:80]
    except NameRefused:
        cleaned = ""
    return cleaned or _("Anonymous")


def _reasons(state: SourceState) -> list[str]:
    if state == SourceState.SPAM:
        return [_("Marked as spam where it was first posted.")]
    if state == SourceState.PENDING:
        return [_("Awaiting review where it was first posted.")]
    return []
