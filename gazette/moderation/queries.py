"""Reads of the moderation app that need thought: the Comment Policy in force and its history,
what a comment's author may see of its moderation, what a reporter may see of their reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation import links, policy
from gazette.moderation.models import (
    Appeal,
    AuditEntry,
    Clause,
    Decision,
    Notice,
    PolicyAnnouncement,
    PolicyVersion,
    Report,
    Sanction,
)


def current_policy() -> PolicyVersion | None:
    """The version of the Comment Policy in force now, with its text; None before the first."""
    return PolicyVersion.objects.published().with_text().order_by("-number").first()


def published_policy(number: int) -> PolicyVersion | None:
    """A version readers may see (in force now or earlier), with its text."""
    return PolicyVersion.objects.published().with_text().filter(number=number).first()


def any_policy(number: int) -> PolicyVersion | None:
    """A version including drafts, for staff who preview their work."""
    return PolicyVersion.objects.with_text().filter(number=number).first()


def policy_history() -> list[PolicyVersion]:
    """Every published version, newest first (numbers and dates only)."""
    return list(PolicyVersion.objects.published().only("number", "published_at"))


def policy_announcements(user: User | AnonymousUser, *, since: datetime) -> list[PolicyVersion]:
    """The versions in force since `since` whose change this reader was told of, newest first
    (with their translations, for the summary in the edition's language); none for a reader
    without an account."""
    if not isinstance(user, User):
        return []
    told = PolicyAnnouncement.objects.filter(reader=user).values("version_id")
    return list(
        PolicyVersion.objects.published()
        .filter(pk__in=told, published_at__gte=since)
        .prefetch_related("translations")
        .order_by("-number")
    )


def clause_in_force(key: str) -> Clause | None:
    """The clause of the current version with this key, if it has one."""
    return (
        Clause.objects.filter(version__in=PolicyVersion.objects.published(), key=key)
        .select_related("version")
        .prefetch_related("translations")
        .order_by("-version__number")
        .first()
    )


def _version_in_force_at(moment: datetime) -> int | None:
    number: int | None = (
        PolicyVersion.objects.filter(published_at__isnull=False, published_at__lte=moment)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return number


def comment_policy_version(comment: Comment) -> int | None:
    """The number of the policy version a decision on this comment applies: the one in force
    when it was written or last edited (policy.cited_version)."""
    return policy.cited_version(
        recorded=comment.policy_version,
        in_force_at_edit=_version_in_force_at(comment.edited_at) if comment.edited_at else None,
        in_force_at_posting=None
        if comment.policy_version.isdigit()
        else _version_in_force_at(comment.created_at),
    )


def clause_for_comment(comment: Comment, key: str) -> Clause | None:
    """The clause with this key in the version the comment was written under, if it has one."""
    number = comment_policy_version(comment)
    if number is None:
        return None
    return (
        Clause.objects.filter(version__number=number, key=key)
        .select_related("version")
        .prefetch_related("translations")
        .first()
    )


def screening_rules_that_held(comment_id: int) -> list[str]:
    """The screening rules that held the comment on arrival: none if it was published, or held
    only because its discussion is pre-moderated (a mode, not a finding)."""
    arrival = (
        AuditEntry.objects.filter(
            event=AuditEntry.Event.SCREENED, comment_id=comment_id, outcome=policy.HOLD
        )
        .values_list("rules", flat=True)
        .first()
    )
    rules = [rule for rule in (arrival or "").split(",") if rule]
    return [rule for rule in rules if rule != "premoderation"]


def clauses_in_force() -> list[Clause]:
    """The clauses of the current version, for the forms where readers and moderators cite one."""
    policy = current_policy()
    return list(policy.clauses.all()) if policy is not None else []


@dataclass(frozen=True)
class CommentStatus:
    """What a comment's author may see about it on their private status page."""

    comment: Comment
    notices: list[Notice]
    decisions: list[Decision]
    appealable: Decision | None
    appeal_deadline: datetime | None
    # The sanctions this comment led to: each may be appealed from its own private page.
    sanctions: list[Sanction]

    @property
    def appeals(self) -> list[Appeal]:
        return [d.appeal for d in self.decisions if hasattr(d, "appeal")]

    @property
    def sanction_appeals(self) -> list[tuple[Sanction, str]]:
        """Each sanction with the private page where its subject may appeal it."""
        return [(s, links.sanction_appeal_path(s.pk)) for s in self.sanctions]


def comment_status(comment_id: int) -> CommentStatus | None:
    comment = (
        Comment.objects.select_related("thread__article__section").filter(pk=comment_id).first()
    )
    if comment is None:
        return None
    decisions = list(
        Decision.objects.filter(comment=comment)
        .select_related("clause__version", "appeal")
        .order_by("created_at", "pk")
    )
    notices = list(Notice.objects.filter(comment=comment).order_by("created_at", "pk"))
    appealable = None
    deadline = None
    last = decisions[-1] if decisions else None
    if last is not None and last.action in policy.APPEALABLE and comment.state == last.to_state:
        deadline = policy.appeal_deadline(last.created_at)
        if policy.may_appeal(
            action=last.action,
            already_appealed=hasattr(last, "appeal"),
            decided_at=last.created_at,
            now=clock.now(),
        ):
            appealable = last
    sanctions = list(
        Sanction.objects.filter(comment=comment).select_related("clause__version", "appeal")
    )
    return CommentStatus(comment, notices, decisions, appealable, deadline, sanctions)


def current_policy_label() -> str:
    """The number of the version in force, as comments record it ("" before the first)."""
    number = (
        PolicyVersion.objects.published()
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return str(number) if number is not None else ""


def _reports_for_reporters() -> QuerySet[Report]:
    """Reports with what their reporter is shown: the clause, the decision and the messages."""
    return Report.objects.select_related(
        "clause__version", "decision__clause", "comment__thread__article"
    ).prefetch_related("clause__translations", "decision__clause__translations", "messages")


def report_for_reporter(report_id: int) -> Report | None:
    """One report as its reporter sees it on its private page."""
    return _reports_for_reporters().filter(pk=report_id).first()


def reports_of_reader(reporter_key: str) -> list[Report]:
    """A reader's reports, newest first, as they see them (a fixed number of queries)."""
    return list(_reports_for_reporters().filter(reporter_key=reporter_key))


@dataclass(frozen=True)
class HistoryEntry:
    """One notice on a reader's moderation history, with where to appeal it."""

    notice: Notice
    status_path: str


@dataclass(frozen=True)
class ModerationHistory:
    """What a signed-in reader may see of moderation concerning them: every notice (statement
    of reasons) sent to them, their sanctions and their appeals."""

    entries: list[HistoryEntry]
    sanctions: list[Sanction]
    appeals: list[Appeal]


def moderation_history(user: User) -> ModerationHistory:
    """A reader's moderation history, in a fixed number of queries however long it is."""
    mine = Q(user=user) | Q(comment__user=user)
    notices = list(Notice.objects.filter(mine).order_by("-created_at", "-pk"))
    entries = [
        HistoryEntry(
            notice,
            links.comment_status_path(notice.comment_id) if notice.comment_id else "",
        )
        for notice in notices
    ]
    sanctions = list(
        Sanction.objects.filter(user=user).select_related("clause__version").order_by("-pk")
    )
    appeals = list(
        Appeal.objects.filter(decision__comment__user=user)
        .select_related("decision__clause__version")
        .order_by("-created_at", "-pk")
    )
    return ModerationHistory(entries, sanctions, appeals)
