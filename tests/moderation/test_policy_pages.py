# Russian text is the subject here.
# ruff: noqa: RUF001

from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from gazette.moderation.models import PolicyAnnouncement, PolicyVersionTranslation
from tests.factories import UserFactory
from tests.moderation.factories import (
    ClauseFactory,
    ClauseTranslationFactory,
    PolicyVersionFactory,
    without_policy,
)
from tests.querycounts import plus_cache_reads


def policy_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("moderation:policy")


def version_url(number: int, language: str = "en") -> str:
    with translation.override(language):
        return reverse("moderation:policy_version", kwargs={"number": number})


class CurrentPolicyPageTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        without_policy()
        cls.v1 = PolicyVersionFactory(
            number=1, published_at=timezone.now() - timedelta(days=30), summary="First version."
        )
        ClauseFactory(version=cls.v1, number=1, key="attacks", title="Be civil")
        cls.v2 = PolicyVersionFactory(
            number=2, published_at=timezone.now() - timedelta(days=2), summary="Adds spam."
        )
        attacks = ClauseFactory(version=cls.v2, number=1, key="attacks")
        ClauseTranslationFactory(clause=attacks, language="ru")
        ClauseFactory(version=cls.v2, number=2, key="spam", title="No spam or advertising")
        cls.draft = PolicyVersionFactory(number=3, published_at=None, summary="Draft text.")
        ClauseFactory(version=cls.draft, number=1, key="draft-rule", title="Secret draft rule")

    def test_stable_address_shows_the_version_in_force(self) -> None:
        response = self.client.get(policy_url())
        assert response.status_code == 200
        assert response.context["policy"] == self.v2
        self.assertContains(response, "No spam or advertising")
        self.assertContains(response, 'id="clause-2"')
        self.assertNotContains(response, "Secret draft rule")

    def test_page_is_shown_in_the_edition_language_with_english_fallback(self) -> None:
        response = self.client.get(policy_url("ru"))
        self.assertContains(response, "Никаких личных оскорблений")
        # Clause 2 has no Russian text yet: it falls back to English rather than vanishing.
        self.assertContains(response, "No spam or advertising")

    def test_earlier_version_stays_readable_and_points_to_the_policy_in_force(self) -> None:
        # The page of a version never changes, so it names no later version in its text; the
        # version in force is behind the stable address, and in the Link header.
        response = self.client.get(version_url(1))
        assert response.status_code == 200
        self.assertContains(response, "Be civil")
        self.assertContains(response, "A published version is never changed")
        self.assertContains(response, f'href="{policy_url()}"')
        assert f'<{policy_url()}>; rel="latest-version"' in response["Link"]

    def test_history_lists_published_versions_only(self) -> None:
        response = self.client.get(policy_url())
        assert [v.number for v in response.context["history"]] == [2, 1]

    def test_draft_is_not_public(self) -> None:
        assert self.client.get(version_url(3)).status_code == 404

    def test_staff_with_view_permission_can_preview_a_draft(self) -> None:
        editor = UserFactory(is_superuser=True, is_staff=True)
        self.client.force_login(editor)
        response = self.client.get(version_url(3))
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
        self.assertContains(response, "Secret draft rule")

    def test_unknown_version_is_not_found(self) -> None:
        assert self.client.get(version_url(99)).status_code == 404

    def test_page_takes_a_fixed_number_of_queries(self) -> None:
        # Counted with the shared cache warm: the section menu (no sections here: one query
        # before) is one cache read. The account of the machinery reads the configuration in
        # force: the settings row, the kinds of active terms, any pre-moderated section or
        # article, and whether a site classifier is in use.
        self.client.get(policy_url())
        with self.assertNumQueries(plus_cache_reads(9, 1)):
            self.client.get(policy_url())


class NoPolicyYetTests(TestCase):
    def setUp(self) -> None:
        without_policy()

    def test_stable_address_is_not_found_before_the_first_version(self) -> None:
        assert self.client.get(policy_url()).status_code == 404

    def test_scheduled_version_is_not_in_force_before_its_time(self) -> None:
        PolicyVersionFactory(number=1, published_at=timezone.now() + timedelta(days=1))
        assert self.client.get(policy_url()).status_code == 404


class UzbekPolicyPageTests(TestCase):
    def test_the_shipped_policy_reads_in_both_uzbek_scripts(self) -> None:
        latin = self.client.get(policy_url("uz")).content.decode()
        cyrillic = self.client.get(policy_url("uz-cyrl")).content.decode()
        assert "Shaxsga hujum qilmang va ta\u02bcqib qilmang" in latin
        assert "Шахсга ҳужум қилманг ва таъқиб қилманг" in cyrillic
        assert "Aybsizlik prezumpsiyasini hurmat qiling" in latin
        assert "Айбсизлик презумпциясини ҳурмат қилинг" in cyrillic


class PolicyAnnouncementsShownTests(TestCase):
    """A reader told of changes to the Comment Policy sees them on its page, in the edition's
    language; the page says nothing of changes told to others."""

    @classmethod
    def setUpTestData(cls) -> None:
        without_policy()
        now = timezone.now()
        cls.reader = UserFactory(email="dana@example.com")
        PolicyVersionFactory(number=1, published_at=now - timedelta(days=400), summary="First.")
        old = PolicyVersionFactory(
            number=2, published_at=now - timedelta(days=200), summary="Old news."
        )
        links = PolicyVersionFactory(
            number=3, published_at=now - timedelta(days=20), summary="Links are held."
        )
        spam = PolicyVersionFactory(
            number=4, published_at=now - timedelta(days=2), summary="Adds spam."
        )
        PolicyVersionTranslation.objects.create(
            version=spam, language="ru", summary="Добавлен пункт о спаме."
        )
        ClauseFactory(version=spam, number=1, key="spam", title="No spam")
        for version in (old, links, spam):
            PolicyAnnouncement.objects.create(reader=cls.reader, version=version, created_at=now)

    def test_a_reader_sees_the_recent_changes_announced_to_them_newest_first(self) -> None:
        self.client.force_login(self.reader)
        page = self.client.get(policy_url()).content.decode()
        assert "Changes we told you about" in page
        assert page.index("Adds spam.") < page.index("Links are held.")
        assert "Old news." not in page
        assert version_url(3) in page

    def test_the_announcement_is_in_the_editions_language(self) -> None:
        self.client.force_login(self.reader)
        response = self.client.get(policy_url("ru"))
        self.assertContains(response, "Добавлен пункт о спаме.")

    def test_a_reader_not_told_sees_only_the_public_note_of_the_last_change(self) -> None:
        self.client.force_login(UserFactory(email="new@example.com"))
        response = self.client.get(policy_url())
        self.assertNotContains(response, "Changes we told you about")
        self.assertNotContains(response, "Links are held.")
        self.assertContains(response, "Adds spam.")
