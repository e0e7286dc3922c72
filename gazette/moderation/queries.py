"""Reads of the moderation app that need thought: the Comment Policy in force and its history,
what a comment's author may see of its moderation, what a reporter may see of their reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from gazette.comments.models import Comment
from gazette.core import clock
from gazette.moderation import policy
from gazette.moderation.models import (
    Appeal,
    Clause,
    Decision,
    ModerationSettings,
    Notice,
    PolicyVersion,
    Report,
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


def clause_in_force(key: str) -> Clause | None:
    """The clause of the current version with this key, if it has one."""
    return (
        Clause.objects.filter(version__in=PolicyVersion.objects.published(), key=key)
        .select_related("version")
        .prefetch_related("translations")
        .order_by("-version__number")
        .first()
    )


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

    @property
    def appeals(self) -> list[Appeal]:
        return [d.appeal for d in self.decisions if hasattr(d, "appeal")]


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
    days = ModerationSettings.load().appeal_days
    appealable = None
    deadline = None
    last = decisions[-1] if decisions else None
    if last is not None and comment.state == Comment.State.REMOVED:
        deadline = policy.appeal_deadline(last.created_at, days)
        if policy.may_appeal(
            action=last.action,
            already_appealed=hasattr(last, "appeal"),
            decided_at=last.created_at,
            now=clock.now(),
            days=days,
        ):
            appealable = last
    return CommentStatus(comment, notices, decisions, appealable, deadline)


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
