"""A reader's data rights: everything Gazette holds about them as one document, and its
erasure. Moderation sits above every app that keeps a reader's rows, so the request is
composed here; each app reads and erases its own rows (`personal_data` in accounts,
comments, reactions and moderation).

Whose data: a `DataSubject` is an account, the address a guest commented with, or the author
of one comment (reached through that comment's status link, when they gave no address).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils.crypto import constant_time_compare

from gazette.accounts import personal_data as accounts_data
from gazette.accounts.models import User
from gazette.accounts.readers import ANONYMOUS_PREFIX, USER_PREFIX
from gazette.comments import personal_data as comments_data
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.core.network import address_hash
from gazette.moderation import links, tasks
from gazette.moderation import personal_data as moderation_data
from gazette.moderation.models import AuditEntry
from gazette.moderation.services import audit
from gazette.reactions import personal_data as reactions_data
from gazette.sites import personal_data as sites_data

# The version of the document's shape (docs/security.md, "Readers' data rights").
SCHEMA = "gazette.personal-data/1"

Kind = Literal["account", "email", "comment"]


@dataclass(frozen=True)
class DataSubject:
    """Whose data a request is about."""

    kind: Kind
    user: User | None = None
    email: str = ""
    comment_id: int | None = None

    @classmethod
    def account(cls, user: User) -> DataSubject:
        return cls("account", user=user)

    @classmethod
    def address(cls, email: str) -> DataSubject:
        return cls("email", email=email.strip())

    @classmethod
    def author_of(cls, comment_id: int) -> DataSubject:
        return cls("comment", comment_id=comment_id)

    @property
    def confirmed_address(self) -> str:
        """The account's address once it proved it receives mail there: anyone may sign up with
        any address, and must not so read or erase what a guest wrote with it."""
        if self.user is None or self.user.email_verified_at is None:
            return ""
        return self.user.email

    def comments(self) -> QuerySet[Comment]:
        if self.user is not None:
            return comments_data.written_by_account(
                self.user.pk, confirmed_address=self.confirmed_address
            )
        if self.comment_id is not None:
            return Comment.objects.filter(pk=self.comment_id)
        return comments_data.written_with_address(self.email)

    def trail(self) -> moderation_data.Trail:
        """What names this person, gathered before anything is erased."""
        comments = self.comments()
        ids = frozenset(comments.values_list("pk", flat=True))
        if self.kind == "comment":
            # One comment's author, unknown beyond it: nothing else is linked to them.
            return moderation_data.Trail(comment_ids=ids)
        keys = set(comments_data.author_keys(comments))
        emails = {self.email} if self.email else set()
        if self.user is not None:
            keys.add(f"{USER_PREFIX}{self.user.pk}")
            if self.confirmed_address:
                emails.add(self.confirmed_address)
        return moderation_data.Trail(
            user_id=self.user.pk if self.user is not None else None,
            emails=frozenset(email.lower() for email in emails),
            reader_keys=frozenset(keys),
            comment_ids=ids,
        )


def _anonymous_ids(trail: moderation_data.Trail) -> set[str]:
    return {
        key.removeprefix(ANONYMOUS_PREFIX)
        for key in trail.reader_keys
        if key.startswith(ANONYMOUS_PREFIX)
    }


def personal_data(subject: DataSubject) -> dict[str, object]:
    """Everything Gazette holds about the subject, as one JSON-ready document (SCHEMA): only
    their own data, never another person's address or a moderator's name or note. A fixed
    number of queries, however much there is."""
    trail = subject.trail()
    anonymous = _anonymous_ids(trail) if subject.kind != "comment" else set()
    document: dict[str, object] = {
        "schema": SCHEMA,
        "site": settings.GAZETTE_SITE_NAME,
        "generated_at": clock.now().isoformat(),
        "about": subject.kind,
        "account": accounts_data.account_record(subject.user) if subject.user else None,
        "sign_on": sites_data.sign_on_record(subject.user) if subject.user else None,
        "comments": comments_data.comment_records(subject.comments().order_by("created_at")),
        "likes": (
            comments_data.likes_of(user_id=trail.user_id, anonymous_ids=anonymous)
            if subject.kind != "comment"
            else []
        ),
        "votes": reactions_data.votes_of(trail.reader_keys),
        "subscriptions": comments_data.subscriptions_of(trail.emails),
    }
    document.update(moderation_data.moderation_records(trail))
    return document


@dataclass(frozen=True)
class Erasure:
    comments: int
    likes: int
    votes: int
    records: int
    account_deleted: bool


def erase_personal_data(
    *, subject: DataSubject, remove_comments: bool, carried_out_by: User | None = None
) -> Erasure:
    """Erase the subject's personal data at once, in one transaction: addresses, address
    hashes, reply subscriptions, the identity behind their votes and likes, the names on their
    comments (which are removed, or kept under "Former reader"), and their account (deleted,
    or kept as a former account when the audit log names it: its sessions end either way).
    Counts and published figures do not change. The request is logged (`erasure_carried_out`),
    naming the member of staff who carried it out, if any, and never the person."""
    with transaction.atomic():
        trail = subject.trail()
        anonymous = _anonymous_ids(trail) if subject.kind != "comment" else set()
        likes = (
            comments_data.forget_liker(user_id=trail.user_id, anonymous_ids=anonymous)
            if subject.kind != "comment"
            else 0
        )
        votes = reactions_data.forget_voter(trail.reader_keys)
        records = moderation_data.erase_trail(trail, remove_texts=remove_comments)
        comments = comments_data.erase_comments(subject.comments(), remove=remove_comments)
        comments_data.end_subscriptions(trail.emails)
        audit.record(
            AuditEntry.Event.ERASURE_CARRIED_OUT,
            actor=carried_out_by,
            automatic=False,
            outcome="comments_removed" if remove_comments else "comments_kept",
            note=f"{subject.kind}: {comments} comments, {likes} likes, {votes} votes",
        )
        if subject.user:
            sites_data.forget_sign_on(subject.user)
        deleted = accounts_data.close_account(subject.user) if subject.user else False
    return Erasure(comments, likes, votes, records, deleted)


def provide_personal_data(*, subject: DataSubject, provided_by: User) -> dict[str, object]:
    """The subject's document, read by a member of staff on their behalf: the request is
    logged (`data_provided`) with who read it."""
    with transaction.atomic():
        document = personal_data(subject)
        audit.record(
            AuditEntry.Event.DATA_PROVIDED,
            actor=provided_by,
            automatic=False,
            record_id=subject.user.pk if subject.user else None,
        )
    return document


def request_data_link(*, email: str, language: str) -> None:
    """Mail the link to a guest's data to `email`, if a comment was given with it; nothing
    happens otherwise. The caller answers the same either way, so that the form tells nobody
    whether an address is known."""
    comment_id = (
        comments_data.written_with_address(email)
        .order_by("-created_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if comment_id is not None:
        transaction.on_commit(lambda: tasks.email_data_link.enqueue(comment_id, language))


def subject_of_data_link(token: str) -> DataSubject | None:
    """The guest a mailed link is for: the address of the comment it names, if that comment
    still carries the address the link was made for; None for a bad, old or spent link (once
    the data is erased, the comment carries no address)."""
    found = links.data_request_from_token(token)
    if found is None:
        return None
    comment_id, digest = found
    email = comments_data.address_of(comment_id)
    if not email or not constant_time_compare(address_hash(email), digest):
        return None
    return DataSubject.address(email)


def comment_exists(comment_id: int) -> bool:
    return Comment.objects.filter(pk=comment_id).exists()
