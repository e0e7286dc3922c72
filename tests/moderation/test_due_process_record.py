"""Due process, the record: the Comment Policy as a public and machine-readable document, an
audit log nobody can alter unseen, and screening that can be replayed and is measured.

Each test carries the number of the point of the due-process standard it proves.
"""

import csv
import importlib
import json
import re
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import get_resolver, reverse
from django.utils import timezone, translation

import gazette.moderation
from gazette.comments.services import thread_for_article
from gazette.moderation import audit_guards
from gazette.moderation.audit_chain import verify_chain
from gazette.moderation.checks import check_screening_languages
from gazette.moderation.exceptions import PolicyVersionPublished
from gazette.moderation.models import (
    AuditEntry,
    ClassifierModel,
    Clause,
    ClauseTranslation,
    DsaCategory,
    ModerationSettings,
    PolicyAnnouncement,
    PolicyVersion,
    PolicyVersionTranslation,
    ScreeningHold,
    ScreeningTerm,
    TermListVersion,
)
from gazette.moderation.models.audit import UNHASHED_FIELDS, chain_digest
from gazette.moderation.policy import REJECT, Action
from gazette.moderation.roles import EDITOR, MODERATOR
from gazette.moderation.screening import registry
from gazette.moderation.services import audit, decisions, policy_versions, presets
from gazette.moderation.services.default_policy import upgrade_default_policy
from tests import schema_check
from tests.comments.test_concurrency import WORKERS, run_at_once
from tests.factories import ArticleFactory, ThreadFactory, UserFactory
from tests.moderation.factories import (
    ScreeningTermFactory,
    StaffFactory,
    post,
    staff_in,
    without_policy,
)

SCHEMA_PATH = Path(gazette.moderation.__file__).parent / "schemas" / "comment-policy.schema.json"


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


class AuditLogAppendOnlyTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.entry = audit.record(AuditEntry.Event.SCREENED, outcome="publish", automatic=True)

    def raw(self, sql, params=()):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    def test_point_32_a_direct_sql_update_of_the_log_fails(self):
        with pytest.raises(DatabaseError):
            self.raw(
                "UPDATE moderation_auditentry SET note = 'rewritten' WHERE id = %s", [self.entry.pk]
            )
        assert AuditEntry.objects.get(pk=self.entry.pk).note == ""

    def test_point_32_a_direct_sql_delete_from_the_log_fails(self):
        with pytest.raises(DatabaseError):
            self.raw("DELETE FROM moderation_auditentry WHERE id = %s", [self.entry.pk])
        assert AuditEntry.objects.filter(pk=self.entry.pk).exists()

    def test_point_32_every_entry_names_a_user_or_a_component(self):
        moderator = StaffFactory()
        by_person = audit.record(AuditEntry.Event.APPROVED, actor=moderator)
        by_reader = audit.record(AuditEntry.Event.REPORTED, automatic=False)
        assert (by_person.actor, by_person.actor_component, by_person.automatic) == (
            moderator,
            "",
            False,
        )
        # A reader's report is a person's act, not automation.
        assert (by_reader.actor_component, by_reader.automatic) == ("reader", False)
        assert self.entry.actor_component == "system"

    def test_point_32_screening_names_itself_with_its_term_list_version(self):
        ScreeningTermFactory(phrase="blorfy", action="suspect", clause_key="attacks")
        post(ThreadFactory(), "You blorfy, read the ruling.")
        version = TermListVersion.objects.get().version
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENED, outcome="hold")
        assert entry.actor_component == f"screening@{version}"
        assert entry.automatic


class AuditLogChainTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.entries = [
            audit.record(AuditEntry.Event.SCREENED, outcome="publish", automatic=True),
            audit.record(AuditEntry.Event.REPORTED, note="first report"),
            audit.record(AuditEntry.Event.SCREENED, outcome="hold", automatic=True),
        ]

    def test_point_33_each_entry_carries_the_hash_of_the_one_before(self):
        first, second, third = self.entries
        assert first.previous_hash == ""
        assert second.previous_hash == first.entry_hash
        assert third.previous_hash == second.entry_hash
        assert len({entry.entry_hash for entry in self.entries}) == 3

    def test_point_33_verify_accepts_an_untouched_log(self):
        output = run("verify_audit_log")
        assert "3 audit log entries verify" in output
        assert self.entries[-1].entry_hash in output

    def test_point_33_verify_names_the_row_altered_through_sql(self):
        # What an operator with the schema owner's rights could do: remove the guard, alter.
        with connection.cursor() as cursor:
            for statement in audit_guards.remove_sql(connection.vendor):
                cursor.execute(statement)
            cursor.execute(
                "UPDATE moderation_auditentry SET note = 'no report' WHERE id = %s",
                [self.entries[1].pk],
            )
            for statement in audit_guards.install_sql(connection.vendor):
                cursor.execute(statement)
        with pytest.raises(CommandError, match=f"entry {self.entries[1].pk} does not verify"):
            run("verify_audit_log")

    def test_point_33_verify_says_when_the_guards_were_removed(self):
        with connection.cursor() as cursor:
            for statement in audit_guards.remove_sql(connection.vendor):
                cursor.execute(statement)
        with pytest.raises(CommandError, match="triggers"):
            run("verify_audit_log")


class ScreeningConfigurationAuditTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.admin = StaffFactory(is_staff=True, is_superuser=True)

    def setUp(self) -> None:
        self.client.force_login(self.admin)

    def test_point_32_a_term_added_in_the_admin_is_an_audit_entry(self):
        data = {
            "phrase": "blorfy",
            "action": "suspect",
            "mode": "whole_word",
            "scope": "any",
            "clause_key": "attacks",
            "note": "",
            "is_active": "on",
        }
        response = self.client.post(reverse("admin:moderation_screeningterm_add"), data)
        assert response.status_code == 302
        assert ScreeningTerm.objects.filter(phrase="blorfy").exists()
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENING_CHANGED)
        assert (entry.actor, entry.outcome) == (self.admin, "added")
        assert "blorfy" in entry.note

    def test_point_32_a_threshold_changed_in_the_admin_is_an_audit_entry(self):
        ModerationSettings.load()
        url = reverse("admin:moderation_moderationsettings_change", args=[1])
        form = self.client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data["max_links"] = 5
        response = self.client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENING_CHANGED)
        assert entry.actor == self.admin
        assert "max_links: 2 → 5" in entry.note

    def test_point_32_taking_the_site_classifier_out_of_use_is_an_audit_entry(self):
        model = ClassifierModel.objects.create(
            examples=40, removed_examples=20, accuracy=0.9, data={}, is_active=True
        )
        url = reverse("admin:moderation_classifiermodel_change", args=[model.pk])
        response = self.client.post(url, {})  # the box unticked
        assert response.status_code == 302
        assert not ClassifierModel.objects.get(pk=model.pk).is_active
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENING_CHANGED)
        assert entry.actor == self.admin
        assert f"site classifier {model.pk}" in entry.note
        assert "out of use" in entry.note


class ReplayTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR)
        ScreeningTermFactory(phrase="blorfy", action="suspect", clause_key="attacks")
        post(ThreadFactory(), "You blorfy, read the ruling.")
        cls.hold = ScreeningHold.objects.get()

    def test_point_50_a_replay_gives_the_same_rule_ids_and_spans(self):
        output = run("replay_hold", str(self.hold.pk))
        assert output.count("term “blorfy” at 4-10 (hold)") == 2  # recorded, then replayed
        assert "Same rules and spans as recorded." in output

    def test_point_50_the_replay_uses_the_stored_version_not_todays(self):
        ScreeningTerm.objects.filter(phrase="blorfy").update(is_active=False)
        ScreeningTermFactory(phrase="ruling", action="suspect")
        output = run("replay_hold", str(self.hold.pk))
        assert "Same rules and spans as recorded." in output
        assert "ruling" not in output

    def test_point_50_a_hold_in_a_sensitive_discussion_replays_its_stricter_findings(self):
        article = ArticleFactory()
        presets.apply_preset(preset="sensitive", actor=staff_in(EDITOR), article=article)
        post(thread_for_article(article), "Ruling: https://court.example/r", anonymous_id="r-9")
        hold = ScreeningHold.objects.get(comment__thread__article=article)
        stricter = [f for f in hold.evidence["findings"] if f.get("stricter")]
        assert [finding["rule"] for finding in stricter] == ["links"]
        output = run("replay_hold", str(hold.pk))
        assert "Same rules and spans as recorded." in output

    def test_point_50_a_version_no_longer_available_is_named(self):
        TermListVersion.objects.all().delete()
        version = self.hold.evidence["term_list"]
        with pytest.raises(CommandError, match=f"no longer available: term list {version}"):
            run("replay_hold", str(self.hold.pk))


def policy_url(language="en", number=None, suffix=""):
    with translation.override(language):
        if number is None:
            name = "moderation:policy_json" if suffix else "moderation:policy"
            return reverse(name)
        name = "moderation:policy_version_json" if suffix else "moderation:policy_version"
        return reverse(name, kwargs={"number": number})


def schema():
    return json.loads(SCHEMA_PATH.read_text())


class PolicyPagesTests(TestCase):
    """The shipped policy as a new install has it: version 1, from the migrations."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.keys = list(Clause.objects.filter(version__number=1).values_list("key", flat=True))

    def test_point_1_the_policy_is_public_in_every_language_with_every_clause(self):
        for language, _name in settings.LANGUAGES:
            response = self.client.get(policy_url(language))
            assert response.status_code == 200, language
            for key in self.keys:
                self.assertContains(response, f'data-clause-id="{key}"')

    def test_point_2_publishing_v2_leaves_the_v1_page_byte_identical(self):
        before = self.client.get(policy_url(number=1)).content
        draft = policy_versions.draft_policy_version(based_on=PolicyVersion.objects.get(number=1))
        Clause.objects.filter(version=draft, key="topic").update(title="Keep to the story")
        policy_versions.publish_policy_version(version=draft)
        assert self.client.get(policy_url(number=1)).content == before
        self.assertContains(self.client.get(policy_url()), "Keep to the story")

    def test_point_2_editing_a_published_version_is_refused_in_the_admin(self):
        self.client.force_login(StaffFactory(is_staff=True, is_superuser=True))
        clause = Clause.objects.get(version__number=1, key="topic")
        url = reverse("admin:moderation_clause_change", args=[clause.pk])
        response = self.client.post(url, {"title": "Rewritten", "number": 7, "key": "topic"})
        assert response.status_code == 403
        assert Clause.objects.get(pk=clause.pk).title == "Stay on topic"

    def test_point_2_editing_a_published_version_is_refused_by_the_service(self):
        version = PolicyVersion.objects.get(number=1)
        clause = version.clauses.get(key="topic")
        clause.title = "Rewritten"
        with pytest.raises(PolicyVersionPublished):
            clause.save()
        with pytest.raises(PolicyVersionPublished):
            policy_versions.publish_policy_version(version=version)
        assert Clause.objects.get(pk=clause.pk).title == "Stay on topic"

    def test_point_3_the_json_twin_validates_against_the_schema_in_every_language(self):
        for language, _name in settings.LANGUAGES:
            response = self.client.get(policy_url(language, suffix=".json"))
            assert response.status_code == 200
            document = response.json()
            assert schema_check.errors(document, schema()) == [], language
            assert list(document["clauses"]) == self.keys

    def test_point_3_the_page_links_its_json_twin(self):
        response = self.client.get(policy_url())
        json_url = policy_url(suffix=".json")
        self.assertContains(response, f'rel="alternate" type="application/json" href="{json_url}"')
        version_page = self.client.get(policy_url(number=1))
        assert f"<{policy_url(number=1, suffix='.json')}>" in version_page["Link"]

    def test_point_3_clause_ids_are_stable_across_versions(self):
        draft = policy_versions.draft_policy_version(based_on=PolicyVersion.objects.get(number=1))
        policy_versions.publish_policy_version(version=draft)
        first = self.client.get(policy_url(number=1, suffix=".json")).json()
        second = self.client.get(policy_url(number=2, suffix=".json")).json()
        assert list(first["clauses"]) == list(second["clauses"]) == self.keys
        assert (first["version"], second["version"]) == (1, 2)
        assert second["clauses"]["violence"]["version"] == 2

    def test_point_3_each_clause_carries_its_dsa_category(self):
        clauses = self.client.get(policy_url(suffix=".json")).json()["clauses"]
        violence = clauses["violence"]
        assert violence["dsa_category"] == "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"
        assert {"KEYWORD_TERRORIST_CONTENT", "KEYWORD_ILLEGAL_ORGANIZATIONS"} <= set(
            violence["dsa_keywords"]
        )
        assert "KEYWORD_INCITEMENT_VIOLENCE_HATRED" in clauses["hate"]["dsa_keywords"]
        assert clauses["spam"]["dsa_category"] == "STATEMENT_CATEGORY_SCAMS_AND_FRAUD"
        assert clauses["topic"]["dsa_category"] == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"

    def test_point_4_every_clause_has_allowed_and_not_allowed_examples_in_every_language(self):
        for language, _name in settings.LANGUAGES:
            clauses = self.client.get(policy_url(language, suffix=".json")).json()["clauses"]
            for key, clause in clauses.items():
                assert clause["allowed_examples"], (language, key)
                assert clause["not_allowed_examples"], (language, key)

    def test_point_4_the_page_shows_allowed_examples_beside_the_others(self):
        response = self.client.get(policy_url("ru"))
        self.assertContains(response, "Разрешено, например:")
        self.assertContains(response, "Цитата прокурора или суда")

    def test_point_5_the_page_explains_the_machinery_under_its_anchors(self):
        response = self.client.get(policy_url())
        for anchor in ("automation", "appeals", "sanctions", "misuse"):
            self.assertContains(response, f'id="{anchor}"')

    def test_point_5_every_screening_rule_type_enabled_is_named_on_the_page(self):
        ScreeningTermFactory(phrase="blorfy", action="suspect")
        enabled = registry.enabled_rule_types()
        assert {"Suspect terms", "The house models"} <= {str(rule.name) for rule in enabled}
        response = self.client.get(policy_url())
        for rule in enabled:
            self.assertContains(response, f"<strong>{rule.name}.</strong>")

    def test_point_5_a_rule_type_switched_off_is_not_claimed(self):
        conf = ModerationSettings.load()
        conf.profanity_threshold = 0
        conf.save()
        response = self.client.get(policy_url())
        self.assertNotContains(response, "English offensive-language model")
        conf.profanity_threshold = 0.9
        conf.save()
        self.assertContains(self.client.get(policy_url()), "English offensive-language model")

    def test_point_6_registered_readers_are_told_of_v2(self):
        reader = UserFactory(email="dana@example.com")
        UserFactory(email="")  # no address: nothing to send
        UserFactory(email="gone@example.com", is_active=False)
        draft = policy_versions.draft_policy_version(based_on=PolicyVersion.objects.get(number=1))
        PolicyVersion.objects.filter(pk=draft.pk).update(summary="Adds allowed examples.")
        draft.refresh_from_db()
        with self.captureOnCommitCallbacks(execute=True):
            policy_versions.publish_policy_version(version=draft)
        announced = PolicyAnnouncement.objects.get()
        assert (announced.reader, announced.version.number) == (reader, 2)
        assert announced.emailed_at is not None
        assert [message.to for message in mail.outbox] == [["dana@example.com"]]
        assert "Adds allowed examples." in mail.outbox[0].body
        self.assertContains(self.client.get(policy_url()), "Adds allowed examples.")
        entry = AuditEntry.objects.get(event=AuditEntry.Event.POLICY_PUBLISHED)
        assert entry.policy_version == 2

    def test_point_7_every_action_sent_without_a_notice_is_a_listed_exception(self):
        listed = {
            item["action"]
            for item in self.client.get(policy_url(suffix=".json")).json()["silent_actions"]
        }
        without_notice = {action.value for action in Action if action not in decisions._NOTICES}
        # Screening's refusal at posting stores no notice either.
        without_notice.add(REJECT)
        assert without_notice <= listed


class DefaultPolicyUpgradeTests(TestCase):
    models = {
        "PolicyVersion": PolicyVersion,
        "PolicyVersionTranslation": PolicyVersionTranslation,
        "Clause": Clause,
        "ClauseTranslation": ClauseTranslation,
    }

    def shipped_v1_without_allowed_examples(self):
        Clause.objects.update(allowed_examples="", dsa_keywords=[])
        ClauseTranslation.objects.update(allowed_examples="")

    def test_point_4_a_site_with_comments_under_the_shipped_v1_gets_version_2(self):
        self.shipped_v1_without_allowed_examples()
        version = upgrade_default_policy(self.models, timezone.now(), comments_posted=True)
        assert version.number == 2
        assert not Clause.objects.get(version__number=1, key="hate").allowed_examples
        hate = Clause.objects.get(version__number=2, key="hate")
        assert hate.allowed_in("kk")
        assert hate.allowed_in("en")
        assert "allowed" in version.summary

    def test_point_4_a_new_install_has_allowed_examples_in_version_1(self):
        self.shipped_v1_without_allowed_examples()
        version = upgrade_default_policy(self.models, timezone.now(), comments_posted=False)
        assert version.number == 1
        assert PolicyVersion.objects.count() == 1
        for clause in Clause.objects.prefetch_related("translations"):
            assert clause.allowed_in("en")
            assert clause.allowed_in("ru")
            assert clause.allowed_in("kk")

    def test_point_4_load_comment_policy_writes_allowed_examples_and_categories(self):
        without_policy()
        run("load_comment_policy")
        clauses = Clause.objects.filter(version__number=1).prefetch_related("translations")
        assert len(clauses) == 8
        for clause in clauses:
            assert clause.allowed_in("kk")
            assert clause.examples_in("kk")
            assert clause.dsa_category != DsaCategory.OTHER_VIOLATION_TC or clause.key == "topic"

    def test_point_4_a_newsrooms_own_policy_is_left_alone(self):
        self.shipped_v1_without_allowed_examples()
        Clause.objects.filter(key="topic").update(text="Our own words.")
        assert upgrade_default_policy(self.models, timezone.now(), comments_posted=True) is None
        assert PolicyVersion.objects.count() == 1


def month_url(name):
    today = timezone.localdate()
    return reverse(name, kwargs={"year": today.year, "month": today.month})


class ScreeningQualityTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.moderator = staff_in(MODERATOR, username="mod-aliya")
        attacks = Clause.objects.get(version__number=1, key="attacks")
        ScreeningTermFactory(phrase="blorfy", action="suspect", clause_key="attacks")
        thread = ThreadFactory()
        texts = [
            "You blorfy, read the ruling.",
            "Only a blorfy would say that about the judge.",
            "Stop it, blorfy, and read the verdict first.",
            "Blorfy is my dog's name, and the ruling is fair.",
        ]
        held = [
            post(thread, text, anonymous_id=f"reader-{n}", name="Dana Quick")
            for n, text in enumerate(texts)
        ]
        for comment in held[:3]:
            decisions.remove_comment(
                comment=comment,
                actor=cls.moderator,
                clause=attacks,
                explanation="Calls another reader a blorfy, an insult aimed at a person.",
            )
        decisions.approve_comment(comment=held[3], actor=cls.moderator)

    def test_point_45_three_confirmations_and_one_release_show_precision_075(self):
        response = self.client.get(month_url("moderation:transparency_month"))
        figure = next(f for f in response.context["report"].screening if f.rule == "term")
        assert (figure.written, figure.held, figure.confirmed, figure.overturned) == ("en", 4, 3, 1)
        assert figure.precision == 0.75
        self.assertContains(response, '<td class="num" data-precision>0.75</td>', html=False)
        self.assertContains(response, "Safeguards")
        rows = csv.DictReader(
            StringIO(self.client.get(month_url("moderation:transparency_csv")).content.decode())
        )
        assert [
            row["value"]
            for row in rows
            if (row["measure"], row["rule"], row["written"])
            == ("screening precision", "term", "en")
        ] == ["0.75"]

    def test_point_51_the_month_has_a_row_for_every_language_and_script(self):
        response = self.client.get(month_url("moderation:transparency_month"))
        languages = response.context["report"].screening_languages
        assert [figure.written for figure in languages] == [
            "en",
            "ru",
            "kk-cyrl",
            "kk-latn",
            "uz-latn",
            "uz-cyrl",
        ]
        for figure in languages:
            self.assertContains(response, f'data-written="{figure.written}"')
        english = languages[0]
        assert (english.held, english.precision) == (4, 0.75)
        assert languages[1].precision is None

    def test_point_51_an_edition_language_screening_is_not_evaluated_in_fails_the_check(self):
        assert check_screening_languages() == []
        with override_settings(LANGUAGES=[*settings.LANGUAGES, ("tt", "Tatar")]):
            problems = check_screening_languages()
        assert [problem.id for problem in problems] == ["moderation.E001"]
        assert "'tt'" in problems[0].msg

    def test_point_46_the_screening_figures_name_no_person(self):
        page = self.client.get(month_url("moderation:transparency_month")).content.decode()
        table = self.client.get(month_url("moderation:transparency_csv")).content.decode()
        for published in (page, table):
            assert "Dana Quick" not in published
            assert "mod-aliya" not in published
            assert "reader-0" not in published
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", published)


class AuditLogRoutesAndDigestTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.entry = audit.record(
            AuditEntry.Event.REMOVED,
            actor=StaffFactory(),
            from_state="published",
            to_state="removed",
            clause=Clause.objects.get(version__number=1, key="attacks"),
            note="Insults another reader.",
        )

    def test_point_32_no_route_deletes_an_entry(self):
        self.client.force_login(StaffFactory(is_staff=True, is_superuser=True))
        delete = reverse("admin:moderation_auditentry_delete", args=[self.entry.pk])
        assert self.client.post(delete, {"post": "yes"}).status_code == 403
        names = {pattern.name for pattern in get_resolver("gazette.moderation.urls").url_patterns}
        assert not [name for name in names if name and "audit" in name]
        assert AuditEntry.objects.filter(pk=self.entry.pk).exists()

    def test_point_32_a_removal_records_actor_time_clause_version_and_states(self):
        entry = AuditEntry.objects.get(pk=self.entry.pk)
        assert entry.actor is not None
        assert entry.created_at is not None
        assert (entry.clause_key, entry.clause_number, entry.policy_version) == ("attacks", 3, 1)
        assert (entry.from_state, entry.to_state) == ("published", "removed")

    def test_point_33_the_hash_covers_every_field_of_the_entry(self):
        entry = AuditEntry.objects.get(pk=self.entry.pk)
        digest = chain_digest(entry, entry.previous_hash)
        assert digest == entry.entry_hash
        for field in AuditEntry._meta.concrete_fields:
            if field.name in UNHASHED_FIELDS:
                continue
            changed = AuditEntry.objects.get(pk=self.entry.pk)
            setattr(changed, field.attname, _another_value(field, field.value_from_object(changed)))
            assert chain_digest(changed, entry.previous_hash) != digest, field.name
        assert chain_digest(entry, "0" * 64) != digest


def _another_value(field, value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if value is None:
        return 7 if field.get_internal_type().endswith("IntegerField") else "x"
    if hasattr(value, "isoformat"):
        return value + timedelta(seconds=1)
    return f"{value}x"


@pytest.mark.postgres
class ConcurrentChainTests(TransactionTestCase):
    serialized_rollback = True

    def test_point_33_writers_at_once_leave_one_unbroken_chain(self):
        def write(number):
            return lambda: audit.record(AuditEntry.Event.REPORTED, note=f"report {number}")

        before = AuditEntry.objects.count()
        assert run_at_once([write(number) for number in range(WORKERS)]) == []
        assert AuditEntry.objects.count() == before + WORKERS
        check = verify_chain()
        assert check.is_intact
        assert check.checked == before + WORKERS


class PolicyJsonAddressTests(TestCase):
    def test_point_3_the_json_names_its_schema_which_is_served_as_published(self):
        response = self.client.get(policy_url(suffix=".json"))
        schema_url = reverse("moderation:policy_schema")
        assert f'<{schema_url}>; rel="describedby"' in response["Link"]
        served = self.client.get(schema_url)
        assert served["Content-Type"] == "application/schema+json"
        assert json.loads(served.content) == schema()

    def test_point_3_a_draft_has_no_json(self):
        draft = policy_versions.draft_policy_version(based_on=PolicyVersion.objects.get(number=1))
        assert self.client.get(policy_url(number=draft.number, suffix=".json")).status_code == 404
        assert self.client.get(policy_url(number=99, suffix=".json")).status_code == 404


class DefaultPolicyMigrationTests(TestCase):
    def test_point_4_the_migration_publishes_version_2_and_chains_its_audit_entry(self):
        # Found by name: migration numbers change when branches are merged.
        (path,) = (SCHEMA_PATH.parent.parent / "migrations").glob(
            "*_default_policy_allowed_examples.py"
        )
        migration = importlib.import_module(f"gazette.moderation.migrations.{path.stem}")
        Clause.objects.update(allowed_examples="")
        ClauseTranslation.objects.update(allowed_examples="")
        post(ThreadFactory(), "The ruling is worth reading in full.")
        migration.upgrade(django_apps, None)
        assert PolicyVersion.objects.get(number=2).clauses.count() == 8
        entry = AuditEntry.objects.get(event=AuditEntry.Event.POLICY_PUBLISHED)
        assert (entry.policy_version, entry.actor_component) == (2, "policy@migration")
        assert verify_chain().is_intact
