import importlib
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import TestCase

from gazette.moderation.exceptions import PolicyVersionEmpty, PolicyVersionPublished
from gazette.moderation.models import (
    Clause,
    ClauseTranslation,
    PolicyVersion,
    PolicyVersionTranslation,
)
from gazette.moderation.services.policy_versions import (
    draft_policy_version,
    publish_policy_version,
)
from tests.moderation.factories import (
    ClauseFactory,
    ClauseTranslationFactory,
    PolicyVersionFactory,
    without_policy,
)


class DraftPolicyVersionTests(TestCase):
    def setUp(self) -> None:
        without_policy()

    def test_next_draft_copies_clauses_and_translations(self) -> None:
        v1 = PolicyVersionFactory(number=1)
        ClauseTranslationFactory(clause=ClauseFactory(version=v1, number=1, key="attacks"))
        draft = draft_policy_version(based_on=v1)
        assert draft.number == 2
        assert draft.published_at is None
        copied = Clause.objects.get(version=draft)
        assert (copied.number, copied.key) == (1, "attacks")
        assert ClauseTranslation.objects.filter(clause=copied, language="ru").exists()

    def test_first_draft_starts_empty(self) -> None:
        draft = draft_policy_version()
        assert (draft.number, draft.clauses.count()) == (1, 0)


class PublishPolicyVersionTests(TestCase):
    def setUp(self) -> None:
        without_policy()

    def test_publishing_puts_the_draft_in_force(self) -> None:
        draft = PolicyVersionFactory(number=1, published_at=None)
        ClauseFactory(version=draft)
        publish_policy_version(version=draft)
        draft.refresh_from_db()
        assert draft.is_published

    def test_published_version_cannot_be_published_again(self) -> None:
        version = PolicyVersionFactory(number=1)
        ClauseFactory(version=version)
        with pytest.raises(PolicyVersionPublished):
            publish_policy_version(version=version)

    def test_version_without_clauses_is_refused(self) -> None:
        draft = PolicyVersionFactory(number=1, published_at=None)
        with pytest.raises(PolicyVersionEmpty):
            publish_policy_version(version=draft)
        draft.refresh_from_db()
        assert not draft.is_published


class LoadCommentPolicyCommandTests(TestCase):
    def test_a_new_database_starts_with_the_policy(self):
        version = PolicyVersion.objects.get()
        assert (version.number, version.is_published, version.clauses.count()) == (1, True, 8)

    def test_the_command_changes_nothing_once_a_policy_exists(self):
        out = io.StringIO()
        call_command("load_comment_policy", stdout=out)
        assert "nothing changed" in out.getvalue()
        assert PolicyVersion.objects.count() == 1

    def test_loads_a_published_policy_in_every_edition_once(self) -> None:
        without_policy()
        call_command("load_comment_policy", stdout=io.StringIO())
        out = io.StringIO()
        call_command("load_comment_policy", stdout=out)
        assert "nothing changed" in out.getvalue()
        version = PolicyVersion.objects.get()
        assert version.is_published
        keys = list(version.clauses.values_list("key", flat=True))
        assert keys[:5] == ["violence", "hate", "attacks", "spam", "privacy"]
        languages = set(
            ClauseTranslation.objects.filter(clause__version=version).values_list(
                "language", flat=True
            )
        )
        assert languages == {"ru", "kk", "uz", "uz-cyrl"}
        clause = version.clauses.get(key="attacks")
        assert clause.title_in("kk").startswith("Жеке басқа")
        assert len(clause.examples_in("ru")) == 3
        assert clause.title_in("uz") == "Shaxsga hujum qilmang va ta\u02bcqib qilmang"
        assert clause.title_in("uz-cyrl") == "Шахсга ҳужум қилманг ва таъқиб қилманг"
        assert len(clause.examples_in("uz-cyrl")) == 3


class UzbekPolicyMigrationTests(TestCase):
    """Sites that had version 1 before Uzbek editions existed get its Uzbek text added."""

    migration = importlib.import_module(
        "gazette.moderation.migrations.0018_comment_policy_in_uzbek"
    )

    def test_adds_the_uzbek_text_to_the_shipped_version_1(self) -> None:
        ClauseTranslation.objects.filter(language__in=["uz", "uz-cyrl"]).delete()
        PolicyVersionTranslation.objects.filter(language__in=["uz", "uz-cyrl"]).delete()
        self.migration.add_uzbek(apps, None)
        version = PolicyVersion.objects.get(number=1)
        assert version.clauses.get(key="privacy").title_in("uz-cyrl") == (
            "Шахсий маълумотларни ошкор қилманг"
        )
        assert version.translations.get(language="uz").preamble.startswith(
            "Izohlar o\u02bbquvchilar"
        )
        assert ClauseTranslation.objects.filter(language="uz").count() == 8

    def test_leaves_alone_a_site_whose_version_1_is_its_own(self) -> None:
        without_policy()
        own = PolicyVersionFactory(number=1, preamble="Our own rules.")
        ClauseFactory(version=own, number=1, key="attacks")
        self.migration.add_uzbek(apps, None)
        assert not ClauseTranslation.objects.filter(language="uz").exists()

    def test_adding_twice_changes_nothing(self) -> None:
        self.migration.add_uzbek(apps, None)
        assert ClauseTranslation.objects.filter(language="uz-cyrl").count() == 8
