"""Factories for the moderation app's rows (kept beside its tests)."""

# Cyrillic, Kazakh and Uzbek letters, and their look-alikes, are the subject here.
# ruff: noqa: RUF001

from __future__ import annotations

from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from gazette.accounts.models import User
from gazette.comments.models import Comment
from gazette.comments.services import post_comment
from gazette.moderation.models import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    ReviewerLanguage,
    Sanction,
    ScreeningTerm,
)
from gazette.moderation.roles import SENIOR_MODERATOR
from tests.comments.helpers import posting_as
from tests.factories import UserFactory


class PolicyVersionFactory(DjangoModelFactory[PolicyVersion]):
    """A published version; pass `published_at=None` for a draft."""

    class Meta:
        model = PolicyVersion
        django_get_or_create = ("number",)

    # Past the versions a test database starts with (the migration publishes version 1).
    number = factory.Sequence(lambda n: n + 100)
    summary = "Clarifies the rules on links."
    preamble = "Comments are moderated under these rules."
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


def without_policy() -> None:
    """Start from no Comment Policy at all (a new database has version 1 from a migration)."""
    PolicyVersion.objects.all().delete()


class ClauseFactory(DjangoModelFactory[Clause]):
    class Meta:
        model = Clause

    version = factory.SubFactory(PolicyVersionFactory)
    number = factory.Sequence(lambda n: n + 1)
    key = factory.Sequence(lambda n: f"rule-{n}")
    title = "No personal attacks"
    text = "Criticise arguments, not people."
    examples = "Name-calling aimed at another commenter.\nInsults about someone's family."


class ClauseTranslationFactory(DjangoModelFactory[ClauseTranslation]):
    class Meta:
        model = ClauseTranslation

    clause = factory.SubFactory(ClauseFactory)
    language = "ru"
    title = "Никаких личных оскорблений"
    text = "Критикуйте доводы, а не людей."
    examples = "Обзывательства в адрес другого комментатора."


class StaffFactory(UserFactory):
    """An account with no usable password: hashing one costs a third of a second per row."""

    username = factory.Sequence(lambda n: f"staff{n}")
    password = "!"


class ScreeningTermFactory(DjangoModelFactory[ScreeningTerm]):
    class Meta:
        model = ScreeningTerm

    phrase = factory.Sequence(lambda n: f"term{n}")
    action = ScreeningTerm.Action.BLOCK
    mode = ScreeningTerm.Mode.WHOLE_WORD


class SanctionFactory(DjangoModelFactory[Sanction]):
    """A week's suspension of an account, under a clause of a published policy."""

    class Meta:
        model = Sanction

    kind = Sanction.Kind.SUSPENSION
    user = factory.SubFactory(StaffFactory)
    clause = factory.SubFactory(ClauseFactory)
    reason = "Repeated insults aimed at other readers."
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    decided_by = factory.SubFactory(StaffFactory)


def staff_in(role: str, **kwargs) -> User:
    """A member of staff in one of the newsroom's roles (groups made by a migration)."""
    user = StaffFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)  # a fresh object: permissions are cached per object


def post(
    thread, body="The court should publish its reasoning.", parent_id=None, **author
) -> Comment:
    """A comment posted through the comments app, so that the thread's count is right."""
    author.setdefault("name", "Dana")
    author.setdefault("anonymous_id", "reader-1")
    return post_comment(
        thread=thread,
        **posting_as(**author),
        body=body,
        parent_id=parent_id,
    )


def reviewer(*languages: str, role: str = "") -> User:
    """A senior moderator (who decides appeals) reading `languages` (English if none given)."""
    user = staff_in(role or SENIOR_MODERATOR)
    for language in languages or ("en",):
        ReviewerLanguage.objects.create(user=user, language=language)
    return user


# A specific explanation, as the desk now requires for a removal or a hold.
WHY = "It calls another reader an idiot instead of answering the argument."
