"""Who may review an appeal: a person holding `decide_appeals` who reads the language of what
is appealed and took no part in it (neither the decision nor a report on the comment)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from gazette.accounts.models import User
from gazette.moderation import policy
from gazette.moderation.models import Appeal, AuditEntry, Report, ReviewerLanguage

DECIDE_APPEALS = "moderation.decide_appeals"


def languages_of(user: User) -> frozenset[str]:
    """The languages a reviewer declared."""
    return frozenset(ReviewerLanguage.objects.filter(user=user).values_list("language", flat=True))


@dataclass(frozen=True)
class Involved:
    """Who took part in what an appeal is against, and so may not review it."""

    decider_id: int | None
    reporter_ids: frozenset[int]

    def allows(self, user_id: int) -> bool:
        return policy.may_decide_appeal(
            decider_id=user_id, decided_by_id=self.decider_id, reporter_ids=self.reporter_ids
        )


def involved_in(appeal: Appeal) -> Involved:
    reporters: frozenset[int] = frozenset()
    if appeal.comment_id is not None:
        reporters = frozenset(
            Report.objects.filter(comment_id=appeal.comment_id, reporter__isnull=False)
            .values_list("reporter_id", flat=True)
            .distinct()
        )
    return Involved(appeal.decision_actor_id, reporters)


def no_action_decider(report: Report) -> int | None:
    """Who closed a report with no action: the moderator who last dismissed the reports on
    the comment, or approved it (the report keeps no decider of its own)."""
    return (
        AuditEntry.objects.filter(
            comment_id=report.comment_id,
            event__in=[AuditEntry.Event.REPORTS_DISMISSED, AuditEntry.Event.APPROVED],
            actor__isnull=False,
        )
        .order_by("-created_at", "-pk")
        .values_list("actor_id", flat=True)
        .first()
    )


def appeal_reviewers() -> QuerySet[User]:
    """Active accounts holding the permission to decide appeals."""
    permission = Permission.objects.filter(
        content_type__app_label="moderation", codename="decide_appeals"
    ).first()
    holds = Q(is_superuser=True)
    if permission is not None:
        holds |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return User.objects.filter(holds, is_active=True).distinct()


def qualified_reviewers(*, language: str, involved: Involved) -> QuerySet[User]:
    """The reviewers who read `language` and took no part, fewest open appeals first."""
    excluded = set(involved.reporter_ids)
    if involved.decider_id is not None:
        excluded.add(involved.decider_id)
    readers = ReviewerLanguage.objects.filter(language=policy.base_language(language))
    open_appeals = (
        Appeal.objects.pending()
        .filter(assigned_to=OuterRef("pk"))
        .values("assigned_to")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        User.objects.filter(pk__in=appeal_reviewers().values("pk"))
        .filter(pk__in=readers.values("user_id"))
        .exclude(pk__in=excluded)
        .annotate(open_appeals=Coalesce(Subquery(open_appeals), 0))
        .order_by("open_appeals", "pk")
    )


def may_review(user: User, appeal: Appeal) -> bool:
    """Whether `user` may be assigned and decide this appeal (for the desk's forms)."""
    return (
        user.is_active
        and user.has_perm(DECIDE_APPEALS)
        and involved_in(appeal).allows(user.pk)
        and policy.reads_language(languages=languages_of(user), language=appeal.content_language)
    )
