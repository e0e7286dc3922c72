"""Giving and taking the newsroom's roles: an administrator's act, each change in the audit log.

A role is a group (roles.py); an account with any role is staff, so it can sign in to the desk
and the admin, and one left with none is not. Superuser status is never given here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction

from gazette.accounts.models import User
from gazette.moderation.models import AuditEntry
from gazette.moderation.roles import GRANTABLE_ROLES
from gazette.moderation.services import audit

PERMISSION = "moderation.manage_staff_roles"


@dataclass(frozen=True)
class RoleChanges:
    granted: frozenset[str]
    revoked: frozenset[str]


def roles_of(user: User) -> frozenset[str]:
    return frozenset(user.groups.filter(name__in=GRANTABLE_ROLES).values_list("name", flat=True))


def set_staff_roles(*, user: User, roles: Iterable[str], by: User) -> RoleChanges:
    """Give `user` exactly `roles` of the grantable ones; returns what changed."""
    wanted = frozenset(roles)
    if not by.has_perm(PERMISSION) or (user.is_superuser and not by.is_superuser):
        raise PermissionDenied
    unknown = wanted - set(GRANTABLE_ROLES)
    if unknown:
        raise ValueError(f"not a role an administrator gives: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        current = roles_of(user)
        changes = RoleChanges(granted=wanted - current, revoked=current - wanted)
        user.groups.add(*Group.objects.filter(name__in=changes.granted))
        user.groups.remove(*Group.objects.filter(name__in=changes.revoked))
        staff = user.is_superuser or user.groups.exists()
        if staff != user.is_staff:
            User.objects.filter(pk=user.pk).update(is_staff=staff)
            user.is_staff = staff
        for event, names in (
            (AuditEntry.Event.ROLE_GRANTED, changes.granted),
            (AuditEntry.Event.ROLE_REVOKED, changes.revoked),
        ):
            for name in sorted(names):
                audit.record(event, actor=by, outcome=name, record_id=user.pk, automatic=False)
    return changes
