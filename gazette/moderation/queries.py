"""Reads of the moderation app that need thought: the Comment Policy in force and its history."""

from __future__ import annotations

from gazette.moderation.models import Clause, PolicyVersion


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


def clauses_in_force() -> list[Clause]:
    """The clauses of the current version, for the forms where readers and moderators cite one."""
    policy = current_policy()
    return list(policy.clauses.all()) if policy is not None else []
