"""What an export holds, as plain records, read in chunks so that memory stays bounded
whatever the size of the site (docs/export-format.md describes every field).

Personal data (e-mail addresses, address hashes, reader keys, who liked what, moderators'
names) is in a record only when the export is asked for with it; without it a moderator is a
stable pseudonym and a like is only a count.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from gazette.comments.models import Comment, CommentLike, Thread
from gazette.core import clock
from gazette.core.http import absolute_url, base_url
from gazette.importers.models import ImportedDecision
from gazette.moderation.models import AuditEntry, Clause, PolicyVersion
from gazette.reactions.models import Poll
from gazette.sites.models import Site

FORMAT_NAME = "gazette-export"
FORMAT_VERSION = 1
DEFAULT_CHUNK = 1000

Event = AuditEntry.Event
# The audit events that decide a comment's state, and those that decide an appeal against one.
DECISION_EVENTS = (Event.SCREENED, Event.APPROVED, Event.REMOVED, Event.HELD, Event.REINSTATED)
APPEAL_EVENTS = (Event.APPEAL_UPHELD, Event.APPEAL_REJECTED, Event.APPEAL_MODIFIED)

ExportRecord = dict[str, object]


@dataclass(frozen=True)
class ExportOptions:
    personal_data: bool = False
    site: str = ""  # only this site's threads and polls; empty: every site
    chunk_size: int = DEFAULT_CHUNK


def timestamp(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def moderator_pseudonym(user_id: int) -> str:
    """The same moderator is the same pseudonym throughout an install's exports, and the
    pseudonym reveals nothing of the account."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"moderator:{user_id}".encode(), hashlib.sha256
    ).hexdigest()
    return f"moderator-{digest[:12]}"


def header(options: ExportOptions) -> ExportRecord:
    return {
        "type": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated_at": timestamp(clock.now()),
        "personal_data": options.personal_data,
        "site": str(settings.GAZETTE_SITE_ID),
        "base_url": base_url(),
        "only_site": options.site or None,
    }


def export_records(options: ExportOptions) -> Iterator[ExportRecord]:
    """Every record of an export, header first; sites and policy versions before the threads
    their records name, comments before the likes and decisions that name them."""
    yield header(options)
    yield from sites(options)
    yield from policy_versions()
    yield from threads(options)
    yield from comments(options)
    if options.personal_data:
        yield from likes(options)
    yield from poll_tallies(options)
    yield from decisions(options)


def sites(options: ExportOptions) -> Iterator[ExportRecord]:
    chosen = Site.objects.order_by("pk")
    if options.site:
        chosen = chosen.filter(key=options.site)
    for site in chosen:
        # The sign-on secret is a credential, not data: it never leaves the install.
        yield {
            "type": "site",
            "key": site.key,
            "name": site.name,
            "own": site.is_own,
            "allowed_origins": list(site.allowed_origins),
            "default_edition": site.default_edition,
            "moderation_mode": site.moderation_mode,
            "policy_url": site.policy_url,
        }


def policy_versions() -> Iterator[ExportRecord]:
    published = PolicyVersion.objects.filter(published_at__isnull=False).order_by("number")
    for version in published.with_text():
        yield {
            "type": "policy_version",
            "number": version.number,
            "published_at": timestamp(version.published_at),
            "summary": version.summary,
            "preamble": version.preamble,
            "translations": [
                {"language": item.language, "summary": item.summary, "preamble": item.preamble}
                for item in version.translations.all()
            ],
            "clauses": [_clause(clause) for clause in version.clauses.all()],
        }


def _clause(clause: Clause) -> ExportRecord:
    return {
        "number": clause.number,
        "key": clause.key,
        "title": clause.title,
        "text": clause.text,
        "examples": clause.examples,
        "allowed_examples": clause.allowed_examples,
        "dsa_category": clause.dsa_category,
        "dsa_keywords": list(clause.dsa_keywords),
        "immediate": clause.immediate,
        "translations": [
            {
                "language": item.language,
                "title": item.title,
                "text": item.text,
                "examples": item.examples,
                "allowed_examples": item.allowed_examples,
            }
            for item in clause.translations.all()
        ],
    }


def _threads(options: ExportOptions) -> QuerySet[Thread]:
    chosen = Thread.objects.all()
    return chosen.filter(site=options.site) if options.site else chosen


def threads(options: ExportOptions) -> Iterator[ExportRecord]:
    rows = _threads(options).select_related("article__section").order_by("pk")
    for thread in rows.iterator(chunk_size=options.chunk_size):
        article = thread.article
        yield {
            "type": "thread",
            "id": str(thread.pk),
            "site": thread.site,
            "key": thread.key,
            "url": absolute_url(thread.page_url) if thread.page_url else "",
            "title": thread.title or (article.headline if article is not None else ""),
            "article": (
                {"edition": article.language, "slug": article.slug} if article is not None else None
            ),
            "closed": thread.is_closed,
            "closed_reason": thread.closed_reason,
            "comment_count": thread.comment_count,
            "created_at": timestamp(thread.created_at),
        }


def _comments(options: ExportOptions) -> QuerySet[Comment]:
    return Comment.objects.filter(thread__in=_threads(options))


def comments(options: ExportOptions) -> Iterator[ExportRecord]:
    rows = _comments(options).order_by("thread_id", "created_at", "pk")
    for comment in rows.iterator(chunk_size=options.chunk_size):
        yield _comment(comment, personal=options.personal_data)


def _comment(comment: Comment, *, personal: bool) -> ExportRecord:
    deleted = comment.state == Comment.State.DELETED
    reply_to = comment.in_reply_to_id or comment.parent_id
    record: ExportRecord = {
        "type": "comment",
        "id": str(comment.pk),
        "thread": str(comment.thread_id),
        "reply_to": str(reply_to) if reply_to else None,
        "author_name": comment.author_name,
        "author_standing": comment.author_standing,
        # What an author deleted is theirs: its text leaves only with their personal data.
        "body": "" if deleted and not personal else comment.body,
        "body_html": "" if deleted else comment.body_html,
        "state": comment.state,
        "created_at": timestamp(comment.created_at),
        "edited_at": timestamp(comment.edited_at),
        "deleted_at": timestamp(comment.deleted_at),
        "like_count": comment.like_count,
        "language": comment.language,
        "policy_version": comment.policy_version,
    }
    if personal:
        record["email"] = comment.email
        record["ip_hash"] = comment.ip_hash
        record["author_key"] = comment.author_key
    return record


def likes(options: ExportOptions) -> Iterator[ExportRecord]:
    rows = CommentLike.objects.filter(comment__in=_comments(options)).order_by("pk")
    for like in rows.iterator(chunk_size=options.chunk_size):
        reader = f"user:{like.user_id}" if like.user_id else f"anon:{like.anonymous_id}"
        yield {
            "type": "like",
            "comment": str(like.comment_id),
            "reader": reader,
            "created_at": timestamp(like.created_at),
        }


def poll_tallies(options: ExportOptions) -> Iterator[ExportRecord]:
    """Each poll's counts per answer; a vote is never exported one by one, even with personal
    data, as only its count is public."""
    polls = Poll.objects.select_related("article", "reaction_set").order_by("pk")
    if options.site:
        polls = polls.filter(site=options.site)
    polls = polls.prefetch_related("tallies__choice", "reaction_set__choices")
    for poll in polls.iterator(chunk_size=options.chunk_size):
        counts = {tally.choice.code: tally.count for tally in poll.tallies.all()}
        answers = [
            {"code": choice.code, "label": choice.label, "votes": counts.get(choice.code, 0)}
            for choice in sorted(poll.reaction_set.choices.all(), key=lambda c: c.position)
        ]
        article = poll.article
        yield {
            "type": "poll_tally",
            "id": str(poll.pk),
            "site": poll.site,
            "key": poll.key,
            "article": (
                {"edition": article.language, "slug": article.slug} if article is not None else None
            ),
            "reaction_set": poll.reaction_set.name,
            "question": poll.reaction_set.question,
            "answers": answers,
            "total": sum(counts.values()),
        }


def decisions(options: ExportOptions) -> Iterator[ExportRecord]:
    """The audit log's decisions on exported comments, each with the outcome of the appeal
    that followed it, if any. Entries come ordered by comment, so only one comment's history
    is held at a time."""
    exported = _comments(options).values("pk")
    entries = (
        AuditEntry.objects.filter(
            Q(event__in=DECISION_EVENTS) | Q(event__in=APPEAL_EVENTS), comment_id__in=exported
        )
        .select_related("actor")
        .order_by("comment_id", "created_at", "pk")
    )
    history: list[AuditEntry] = []
    for entry in entries.iterator(chunk_size=options.chunk_size):
        if history and history[0].comment_id != entry.comment_id:
            yield from _decided(history, personal=options.personal_data)
            history = []
        history.append(entry)
    yield from _decided(history, personal=options.personal_data)
    yield from _imported_decisions(_comments(options), options)


def _imported_decisions(
    exported: QuerySet[Comment], options: ExportOptions
) -> Iterator[ExportRecord]:
    """Decisions an earlier import brought in travel on with their comments, as they came."""
    rows = ImportedDecision.objects.filter(comment__in=exported).order_by("pk")
    for row in rows.iterator(chunk_size=options.chunk_size):
        yield {
            "type": "decision",
            "id": f"{row.source}:{row.source_id}",
            "comment": str(row.comment_id),
            "event": row.event,
            "decided_at": timestamp(row.decided_at),
            "from_state": row.from_state,
            "to_state": row.to_state,
            "clause": _clause_ref(row.clause_key, row.clause_number, row.policy_version),
            "automatic": row.automatic,
            "moderator": row.moderator,
            "appeal_outcome": row.appeal_outcome or None,
        }


def _decided(history: list[AuditEntry], *, personal: bool) -> Iterator[ExportRecord]:
    """One comment's decisions; an appeal's outcome belongs to the decision before it."""
    outcomes: dict[int, str] = {}
    last: AuditEntry | None = None
    for entry in history:
        if entry.event in APPEAL_EVENTS:
            if last is not None:
                outcomes[last.pk] = entry.event
        else:
            last = entry
    for entry in history:
        if entry.event not in APPEAL_EVENTS:
            yield _decision(entry, outcomes.get(entry.pk), personal=personal)


def _decision(entry: AuditEntry, appeal: str | None, *, personal: bool) -> ExportRecord:
    return {
        "type": "decision",
        "id": str(entry.pk),
        "comment": str(entry.comment_id),
        "event": entry.event,
        "decided_at": timestamp(entry.created_at),
        "from_state": entry.from_state,
        "to_state": entry.to_state,
        "clause": _clause_ref(entry.clause_key, entry.clause_number, entry.policy_version),
        "automatic": entry.automatic,
        "moderator": _moderator(entry, personal=personal),
        "appeal_outcome": appeal,
    }


def _clause_ref(key: str, number: int | None, version: int | None) -> ExportRecord | None:
    return {"key": key, "number": number, "policy_version": version} if key else None


def _moderator(entry: AuditEntry, *, personal: bool) -> str:
    if entry.actor is None:
        return entry.actor_component  # a component ("screening@…"), not a person
    return entry.actor.get_username() if personal else moderator_pseudonym(entry.actor.pk)
