"""Statements of reasons for the EU Transparency Database (docs/moderation.md, "Statements of
reasons for the Transparency Database"; due-process point 37): the mapping, the check against
the database's enumerations and limits, personal data kept out, the command, its submission to
a stand-in of the database, and the staff download."""

import io
import json
import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from gazette.comments.exceptions import CommentRejected
from gazette.comments.models import Comment
from gazette.moderation import tdb, tdb_enums
from gazette.moderation.models import (
    AuthorityRequest,
    Clause,
    Decision,
    ModerationSettings,
    Notice,
    Report,
    SubmittedStatement,
)
from gazette.moderation.policy import Ground
from gazette.moderation.roles import MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.authority import (
    act_on_authority_request,
    record_authority_request,
)
from gazette.moderation.services.decisions import Grounds
from gazette.moderation.services.reports import report_comment
from gazette.moderation.services.sanctions import sanction_author
from tests.factories import ThreadFactory, UserFactory
from tests.moderation.factories import WHY, ScreeningTermFactory, post, staff_in
from tests.moderation.tdb_standin import TOKEN, transparency_database

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
# What the comments say (screening lets both through; moderators then act on them).
RECRUITING = "Everyone brave should join the brigade in the mountains this spring."
HATE = "Those newcomers from the south should all be sent back where they came from."


def clause(key: str) -> Clause:
    """A clause of the policy a new install starts with (in force when these tests post)."""
    return Clause.objects.get(version__number=1, key=key)


def export(*arguments: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("export_statements", *arguments, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def exported(*arguments: str) -> list[dict]:
    return [json.loads(line) for line in export(*arguments)[0].splitlines()]


def by_puid(statements: list[dict]) -> dict[str, dict]:
    return {statement["puid"]: statement for statement in statements}


class NewsroomCase(TestCase):
    """A moderator, a senior moderator, a signed-in author, a guest author and a reporter,
    each with a name, a user name and an e-mail address that no statement may carry."""

    @classmethod
    def setUpTestData(cls) -> None:
        ModerationSettings.objects.create(pk=1, profanity_threshold=0, house_models=False)
        cls.moderator = staff_in(MODERATOR)
        cls.senior = staff_in(SENIOR_MODERATOR)
        cls.dana = UserFactory(
            username="dana_k",
            display_name="Dana Karimova",
            first_name="Dana",
            last_name="Karimova",
            email="dana.karimova@example.org",
        )
        cls.reporter = UserFactory(username="saule_reports", email="saule.t@example.com")

    def setUp(self) -> None:
        self.thread = ThreadFactory()

    def by_dana(self, body: str) -> Comment:
        return post(self.thread, body, name="Dana Karimova", user=self.dana)

    def by_guest(self, body: str) -> Comment:
        return post(
            self.thread,
            body,
            name="Aibek Nurlanov",
            anonymous_id="reader-aibek",
            email="aibek.nurlanov@example.net",
        )

    def remove_as_illegal(self, comment: Comment) -> Decision:
        """Reported as terrorist propaganda by a reader, removed under the violence clause."""
        report_comment(
            comment=comment,
            clause=None,
            reporter_key=f"user:{self.reporter.pk}",
            reporter=self.reporter,
            reporter_name="Saule Tulegenova",
            reporter_email="saule.t@example.com",
            ground=Report.Ground.ILLEGAL,
            legal_ground="Criminal Code, art. 256",
            note="It recruits for a banned group.",
            bona_fide=True,
        )
        return decisions.remove_comment(
            comment=comment,
            actor=self.moderator,
            clause=clause("violence"),
            grounds=Grounds(
                explanation="Dana Karimova (dana.karimova@example.org) calls readers to join "
                "an armed group; posted from 203.0.113.77.",
                ground=Ground.ILLEGAL,
                legal_ground="Criminal Code of Kazakhstan, art. 256 (propaganda of terrorism)",
                facts="Reported by Saule Tulegenova; @dana_k linked "
                "https://dana_k:secret@example.org/x from 2001:db8::17.",
            ),
        )


# The site's own address is in every statement (the clause's link): a configured one, as in
# production, so that the scan for machine addresses below looks only for people's.
@override_settings(GAZETTE_BASE_URL="https://gazette.example")
class Point37Tests(NewsroomCase):
    def seed(self) -> dict[str, str]:
        """Every kind of decision and sanction, made through the services; the public ids of
        those that are statements and of those that are not."""
        illegal = self.remove_as_illegal(self.by_dana(RECRUITING))
        hate = self.by_guest(HATE)
        removed = decisions.remove_comment(
            comment=hate,
            actor=self.moderator,
            clause=clause("hate"),
            explanation="Aibek Nurlanov says people of one nation should be driven out.",
        )
        held_comment = self.by_guest("The second half of the article misses the point entirely.")
        held = decisions.hold_comment(
            comment=held_comment, actor=self.moderator, explanation=WHY, clause=clause("attacks")
        )
        approved = decisions.approve_comment(comment=held_comment, actor=self.moderator)
        ordered = self.by_dana("The judge takes bribes, everyone knows.")
        ScreeningTermFactory(phrase="moneyfast", action="suspect", clause_key="spam")
        ScreeningTermFactory(phrase="scamcoin", action="block", clause_key="spam")
        screened = self.by_guest("Try moneyfast today, Aibek Nurlanov promises.")
        with pytest.raises(CommentRejected):
            self.by_guest("Buy scamcoin from aibek.nurlanov@example.net now.")
        attacks = clause("attacks")
        warning = sanction_author(
            clause=attacks, reason="Dana Karimova insults readers.", actor=self.moderator,
            user=self.dana,
        )  # fmt: skip
        suspension = sanction_author(
            clause=attacks, reason="Dana insults readers again.", actor=self.moderator,
            user=self.dana,
        )  # fmt: skip
        sanction_author(
            clause=attacks, reason="Insults.", actor=self.senior,
            email="aibek.nurlanov@example.net",
        )  # fmt: skip
        ban = sanction_author(
            kind="ban", clause=clause("hate"), reason="Aibek Nurlanov keeps spreading hatred.",
            actor=self.senior, email="aibek.nurlanov@example.net", comment=hate,
        )  # fmt: skip
        order = record_authority_request(
            request=AuthorityRequest(
                kind=AuthorityRequest.Kind.PROSECUTOR,
                country="KZ",
                authority="Prosecutor's office of Astana",
                reference="2-1234/26",
                received_at=timezone.now(),
            ),
            comments=[ordered],
            actor=self.moderator,
        )
        [by_order] = act_on_authority_request(
            request=order,
            actor=self.moderator,
            clause=clause("justice"),
            explanation="It accuses a named judge of a crime with no verdict or source.",
        )
        return {
            "illegal": illegal.public_id,
            "removed": removed.public_id,
            "held": held.public_id,
            "suspension": suspension.public_id,
            "ban": ban.public_id,
            "order": by_order.public_id,
            "screened": Notice.objects.get(comment=screened, kind=Notice.Kind.SCREENED).public_id,
            "refused": Notice.objects.get(kind=Notice.Kind.REFUSED).public_id,
            "approved (not a statement)": approved.public_id,
            "warning (not a statement)": warning.public_id,
        }

    def test_point_37_the_export_validates_and_carries_no_emails_usernames_or_ips(self):
        seeded = self.seed()
        output, _report = export()
        statements = [json.loads(line) for line in output.splitlines()]
        assert [tdb.validate(statement) for statement in statements] == [[]] * 8
        assert {s["puid"] for s in statements} == {
            puid for name, puid in seeded.items() if "not a statement" not in name
        }
        identities = [
            "dana_k", "Dana", "Karimova", "dana.karimova", "Aibek", "Nurlanov",
            "aibek.nurlanov", "Saule", "Tulegenova", "saule_reports", "saule.t", "secret",
            "203.0.113.77", "2001:db8::17", self.moderator.username, self.senior.username,
            RECRUITING, HATE, "moneyfast", "scamcoin",
        ]  # fmt: skip
        assert [found for found in identities if found.casefold() in output.casefold()] == []
        assert EMAIL.findall(output) == []
        assert IPV4.findall(output) == []
        assert "@" not in output

    def test_point_37_the_categories_that_matter_here_are_named(self):
        seeded = self.seed()
        statements = by_puid(exported())
        illegal = statements[seeded["illegal"]]
        assert illegal["category"] == "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"
        assert illegal["category_specification"] == [
            "KEYWORD_TERRORIST_CONTENT",
            "KEYWORD_ILLEGAL_ORGANIZATIONS",
            "KEYWORD_INCITEMENT_VIOLENCE_HATRED",
        ]
        hate = statements[seeded["removed"]]
        assert hate["category"] == "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"
        assert "KEYWORD_HATE_SPEECH" in hate["category_specification"]


class DecisionStatementTests(NewsroomCase):
    def test_an_illegal_removal_after_a_readers_notice(self):
        decision = self.remove_as_illegal(self.by_dana(RECRUITING))
        [statement] = exported()
        assert statement["puid"] == decision.public_id
        assert statement["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
        assert statement["source_type"] == "SOURCE_ARTICLE_16"
        assert statement["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT"
        assert statement["illegal_content_legal_ground"] == (
            "Criminal Code of Kazakhstan, art. 256 (propaganda of terrorism)"
        )
        assert statement["illegal_content_explanation"] == (
            "[name] ([e-mail address]) calls readers to join an armed group; posted from [address]."
        )
        assert "incompatible_content_ground" not in statement
        assert statement["automated_detection"] == "No"
        assert statement["automated_decision"] == "AUTOMATED_DECISION_NOT_AUTOMATED"
        assert statement["content_language"] == "EN"
        assert statement["content_type"] == ["CONTENT_TYPE_TEXT"]
        assert statement["territorial_scope"] == sorted(tdb_enums.COUNTRIES)
        assert statement["application_date"] == timezone.localdate(decision.created_at).isoformat()
        assert "end_date_visibility_restriction" not in statement  # indefinite
        assert statement["decision_ground_reference_url"].endswith(
            "/en/comment-policy/v1/#clause-1"
        )

    def test_the_facts_are_standard_sentences_and_the_moderators_facts_scrubbed(self):
        self.remove_as_illegal(self.by_dana(RECRUITING))
        [statement] = exported()
        assert statement["decision_facts"] == (
            "A reader's comment was removed under clause 1 (No incitement to violence or "
            "terrorism) of the Comment Policy, version 1. It was reported by a reader. "
            "A moderator decided. Reported by [name]; [name] linked https://example.org/x "
            "from [address]."
        )

    def test_a_hold_on_what_screening_found_is_partly_automated_and_disables_access(self):
        ScreeningTermFactory(phrase="moneyfast", action="suspect", clause_key="spam")
        comment = post(self.thread, "Try moneyfast today, friends.", anonymous_id="h")
        removal = decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=clause("spam"), explanation=WHY
        )
        held = decisions.hold_comment(
            comment=self.by_guest("A view."), actor=self.moderator, explanation=WHY
        )
        statements = by_puid(exported())
        assert statements[removal.public_id]["automated_detection"] == "Yes"
        assert statements[removal.public_id]["automated_decision"] == (
            "AUTOMATED_DECISION_PARTIALLY"
        )
        assert statements[removal.public_id]["source_type"] == "SOURCE_VOLUNTARY"
        assert statements[held.public_id]["decision_visibility"] == [
            "DECISION_VISIBILITY_CONTENT_DISABLED"
        ]
        assert statements[held.public_id]["category"] == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"

    def test_a_policy_report_is_another_notification_and_an_order_too_unless_secret(self):
        reported = self.by_guest("The second half of the article misses the point entirely.")
        report_comment(comment=reported, clause=clause("attacks"), reporter_key="anon:r1")
        removal = decisions.remove_comment(
            comment=reported, actor=self.moderator, clause=clause("attacks"), explanation=WHY
        )
        secret = self.by_guest("The judge takes bribes, everyone knows.")
        order = record_authority_request(
            request=AuthorityRequest(
                kind=AuthorityRequest.Kind.COURT_ORDER,
                country="KZ",
                authority="Astana city court",
                reference="2-99/26",
                received_at=timezone.now(),
                disclosure_forbidden=True,
                disclosure_reason="The investigation is secret by law.",
            ),
            comments=[secret],
            actor=self.moderator,
        )
        [by_order] = act_on_authority_request(
            request=order, actor=self.moderator, clause=clause("justice"), explanation=WHY
        )
        statements = by_puid(exported())
        assert statements[removal.public_id]["source_type"] == "SOURCE_TYPE_OTHER_NOTIFICATION"
        assert statements[removal.public_id]["incompatible_content_illegal"] == "No"
        # As the author's notice: an order that may not be disclosed reads as own initiative.
        assert statements[by_order.public_id]["source_type"] == "SOURCE_VOLUNTARY"


class ScreeningStatementTests(NewsroomCase):
    def test_screenings_hold_and_refusal_are_fully_automated_statements_under_the_clause(self):
        ScreeningTermFactory(phrase="moneyfast", action="suspect", clause_key="spam")
        ScreeningTermFactory(phrase="scamcoin", action="block", clause_key="spam")
        held = self.by_guest("Try moneyfast today, friends.")
        with pytest.raises(CommentRejected):
            self.by_guest("Buy scamcoin now.")
        statements = by_puid(exported())
        hold = statements[Notice.objects.get(comment=held, kind=Notice.Kind.SCREENED).public_id]
        refusal = statements[Notice.objects.get(kind=Notice.Kind.REFUSED).public_id]
        assert hold["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_DISABLED"]
        assert refusal["decision_visibility"] == ["DECISION_VISIBILITY_CONTENT_REMOVED"]
        assert {(s["automated_detection"], s["automated_decision"]) for s in (hold, refusal)} == {
            ("Yes", "AUTOMATED_DECISION_FULLY")
        }
        assert {s["category"] for s in (hold, refusal)} == {"STATEMENT_CATEGORY_SCAMS_AND_FRAUD"}
        assert refusal["incompatible_content_explanation"] == tdb.SCREENING_EXPLANATION
        assert [tdb.validate(s) for s in (hold, refusal)] == [[], []]

    def test_a_hold_that_cites_no_clause_is_no_statement(self):
        ModerationSettings.objects.filter(pk=1).update(mode="pre")
        held = self.by_guest("A view on the article.")
        notice = Notice.objects.get(comment=held, kind=Notice.Kind.SCREENED)
        assert (held.state, notice.clause_number) == (Comment.State.PENDING, None)
        assert exported() == []


class SanctionStatementTests(NewsroomCase):
    def test_a_suspension_and_a_ban_restrict_the_service_a_warning_is_no_statement(self):
        attacks = clause("attacks")
        warning = sanction_author(
            clause=attacks, reason="Insults.", actor=self.moderator, user=self.dana
        )
        suspension = sanction_author(
            clause=attacks, reason="Insults again.", actor=self.moderator, user=self.dana
        )
        ban = sanction_author(
            kind="ban", clause=attacks, reason="Insults, a third time.", actor=self.senior,
            user=self.dana,
        )  # fmt: skip
        statements = by_puid(exported())
        assert warning.public_id not in statements
        assert statements[suspension.public_id]["decision_provision"] == (
            "DECISION_PROVISION_PARTIAL_SUSPENSION"
        )
        assert statements[suspension.public_id]["end_date_service_restriction"] == (
            timezone.localdate(suspension.ends_at).isoformat()
        )
        assert statements[ban.public_id]["decision_provision"] == (
            "DECISION_PROVISION_PARTIAL_TERMINATION"
        )
        assert "end_date_service_restriction" not in statements[ban.public_id]
        assert statements[ban.public_id]["incompatible_content_ground"] == (
            "Clause 3 (No personal attacks or harassment) of the Comment Policy, version 1"
        )
        assert [tdb.validate(s) for s in statements.values()] == [[], []]


class ScrubTests(TestCase):
    """An explanation is scrubbed, not refused: it was sent to the author already and the
    decision stands, so refusing would leave a restriction without its statement."""

    def test_what_is_removed_and_what_stays(self):
        cases = {
            "Write to dana@example.org now.": "Write to [e-mail address] now.",
            "See https://dana:pw@example.org/a.": "See https://example.org/a.",
            "From 198.51.100.4.": "From [address].",
            "From 2001:db8::1 today.": "From [address] today.",
            "At 12:30:45 on 1.2.3, version 2.5.": "At 12:30:45 on 1.2.3, version 2.5.",
            "As @aibek_n said.": "As [name] said.",
            "Aibek Nurlanov and aibek wrote.": "[name] and [name] wrote.",
        }
        found = {text: tdb.scrub(text, {"Aibek Nurlanov", "Aibek"}) for text in cases}
        assert found == cases


class ValidateTests(TestCase):
    VALID = {
        "puid": "gz-abc_123",
        "decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED"],
        "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "incompatible_content_ground": "Clause 3 of the Comment Policy, version 1",
        "incompatible_content_explanation": "It insults another reader.",
        "category": "STATEMENT_CATEGORY_CYBER_VIOLENCE",
        "content_type": ["CONTENT_TYPE_TEXT"],
        "content_date": "2026-11-02",
        "application_date": "2026-11-03",
        "decision_facts": "A reader's comment was removed.",
        "source_type": "SOURCE_VOLUNTARY",
        "automated_detection": "No",
        "automated_decision": "AUTOMATED_DECISION_NOT_AUTOMATED",
        "territorial_scope": ["DE", "FR"],
        "content_language": "KK",
    }

    def test_a_complete_statement_validates(self):
        assert tdb.validate(self.VALID) == []

    def test_each_broken_rule_is_named(self):
        broken = {
            "decision_facts": ({"decision_facts": "x" * 5001}, "decision_facts: text of at most"),
            "puid": ({"puid": "gz abc"}, "puid: only letters"),
            "category": (
                {"category": "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"},
                "category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' is not one",
            ),
            "territorial_scope": ({"territorial_scope": ["KZ"]}, "territorial_scope: 'KZ'"),
            "content_language": ({"content_language": "kk"}, "content_language: 'kk'"),
            "content_date": ({"content_date": "03/11/2026"}, "content_date: a date"),
            "application_date": ({"application_date": "2019-12-31"}, "is outside 2020-01-01"),
            "keyword": (
                {"category_specification": ["KEYWORD_DISINFORMATION"]},
                "category_specification: 'KEYWORD_DISINFORMATION'",
            ),
            "ground": (
                {"decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT"},
                "illegal_content_legal_ground: required",
            ),
            "restriction": ({"decision_visibility": []}, "one of decision_visibility"),
            "unknown": ({"platform_uid": "x"}, "platform_uid: not a Transparency Database"),
            "detection": ({"automated_detection": "yes"}, "automated_detection: 'yes'"),
        }
        found = {
            name: any(
                p.startswith(expected) or expected in p
                for p in tdb.validate({**self.VALID, **change})
            )
            for name, (change, expected) in broken.items()
        }
        assert found == dict.fromkeys(broken, True)

    def test_a_missing_required_field_is_named(self):
        statement = {k: v for k, v in self.VALID.items() if k != "decision_facts"}
        assert tdb.validate(statement) == ["decision_facts: required"]


class ExportCommandTests(NewsroomCase):
    def test_batch_files_are_ready_to_post_and_the_dry_run_writes_none(self):
        for n in range(3):
            decisions.remove_comment(
                comment=self.by_guest(f"Comment {n}."), actor=self.moderator,
                clause=clause("attacks"), explanation=WHY,
            )  # fmt: skip
        with tempfile.TemporaryDirectory() as directory:
            _out, report = export("--output", directory, "--batch-size", "2", "--dry-run")
            assert list(Path(directory).iterdir()) == []
            assert "Would write 3 statement(s) to 2 batch file(s)" in report
            export("--output", directory, "--batch-size", "2")
            files = sorted(Path(directory).iterdir())
            batches = [json.loads(path.read_text())["statements"] for path in files]
        assert [path.name for path in files] == ["statements-0001.json", "statements-0002.json"]
        assert [len(batch) for batch in batches] == [2, 1]

    def test_the_range_of_days_selects_by_the_day_the_restriction_applied(self):
        decision = decisions.remove_comment(
            comment=self.by_guest("A view."), actor=self.moderator, clause=clause("attacks"),
            explanation=WHY,
        )  # fmt: skip
        today = timezone.localdate(decision.created_at)
        tomorrow = (today + timedelta(days=1)).isoformat()
        assert [s["puid"] for s in exported("--since", today.isoformat())] == [decision.public_id]
        assert exported("--since", tomorrow) == []
        assert exported("--until", (today - timedelta(days=1)).isoformat()) == []

    def test_a_range_that_ends_before_it_starts_is_refused(self):
        with pytest.raises(CommandError, match="--since is after --until"):
            export("--since", "2026-11-30", "--until", "2026-11-01")

    def test_submission_is_off_until_configured(self):
        with pytest.raises(CommandError, match="GAZETTE_TDB_URL"):
            export("--submit")


@override_settings(GAZETTE_TDB_TOKEN=TOKEN, GAZETTE_TDB_RETRY_SECONDS=0, GAZETTE_TDB_ATTEMPTS=3)
class SubmissionTests(NewsroomCase):
    def removals(self, count: int) -> list[str]:
        return [
            decisions.remove_comment(
                comment=self.by_guest(f"Comment {n}."), actor=self.moderator,
                clause=clause("attacks"), explanation=WHY,
            ).public_id
            for n in range(count)
        ]  # fmt: skip

    def submit(self, url: str, *arguments: str) -> tuple[str, str]:
        with self.settings(GAZETTE_TDB_URL=url):
            return export("--submit", *arguments)

    def test_batches_carry_the_token_a_500_is_retried_and_what_was_taken_is_recorded(self):
        puids = self.removals(3)
        with transparency_database(failures=1) as database:
            out, _err = self.submit(database.url, "--batch-size", "2")
        assert [r["authorization"] for r in database.requests] == [f"Bearer {TOKEN}"] * 3
        assert [len(batch) for batch in database.batches] == [2, 2, 1]  # the first one twice
        assert sorted(database.created) == sorted(puids)
        assert set(SubmittedStatement.objects.values_list("puid", flat=True)) == set(puids)
        assert "Submitted 3 statement(s); 0 already submitted; 0 refused." in out

    def test_a_422_is_reported_with_its_message_and_only_that_statement_is_not_recorded(self):
        refused, *accepted = self.removals(3)
        err = io.StringIO()
        with transparency_database(refuse={refused: "The decision facts are unclear."}) as db:
            with self.settings(GAZETTE_TDB_URL=db.url), pytest.raises(CommandError, match="1 st"):
                call_command("export_statements", "--submit", stdout=io.StringIO(), stderr=err)
            assert f"{refused}: decision_facts: The decision facts are unclear." in err.getvalue()
            assert sorted(SubmittedStatement.objects.values_list("puid", flat=True)) == sorted(
                accepted
            )
            db.refuse.clear()
            out, _err = self.submit(db.url)  # the next run sends it again, and only it
        assert [len(batch) for batch in db.batches] == [3, 2, 1]
        assert "Submitted 1 statement(s); 2 already submitted; 0 refused." in out

    def test_a_second_run_sends_nothing_new(self):
        self.removals(2)
        with transparency_database() as database:
            self.submit(database.url)
            out, _err = self.submit(database.url)
            assert len(database.requests) == 1
        assert "Submitted 0 statement(s); 2 already submitted; 0 refused." in out

    def test_senior_moderators_find_what_was_accepted_in_the_admin(self):
        [puid] = self.removals(1)
        with transparency_database() as database:
            self.submit(database.url)
        self.client.force_login(self.senior)
        listing = self.client.get(reverse("admin:moderation_submittedstatement_changelist"))
        assert listing.status_code == 200
        assert puid in listing.content.decode()

    def test_a_wrong_token_is_a_clear_error_and_records_nothing(self):
        self.removals(1)
        with (
            transparency_database() as database,
            self.settings(GAZETTE_TDB_TOKEN="wrong"),
            pytest.raises(CommandError, match="refused the token"),
        ):
            self.submit(database.url)
        assert not SubmittedStatement.objects.exists()

    def test_a_database_that_stays_down_is_tried_politely_then_reported(self):
        self.removals(1)
        with (
            transparency_database(failures=10) as database,
            pytest.raises(CommandError, match="did not take the statements"),
        ):
            self.submit(database.url)
        assert len(database.requests) == 3
        assert not SubmittedStatement.objects.exists()

    def test_the_dry_run_counts_what_would_be_sent_and_sends_nothing(self):
        self.removals(2)
        with transparency_database() as database:
            out, _err = self.submit(database.url, "--dry-run")
        assert out == "Would submit 2 statement(s); 0 already submitted.\n"
        assert database.requests == []


class DownloadTests(NewsroomCase):
    URL = reverse("moderation:statements")

    def test_a_senior_moderator_downloads_json_lines_of_the_range(self):
        decision = self.remove_as_illegal(self.by_dana(RECRUITING))
        day = timezone.localdate(decision.created_at).isoformat()
        self.client.force_login(self.senior)
        response = self.client.get(self.URL, {"since": day, "until": day})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/jsonl; charset=utf-8"
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="statements-{day}-{day}.jsonl"'
        )
        body = b"".join(response.streaming_content).decode()
        [statement] = [json.loads(line) for line in body.splitlines()]
        assert statement["puid"] == decision.public_id
        assert tdb.validate(statement) == []
        assert "dana" not in body.casefold()

    def test_the_download_reads_in_a_fixed_number_of_queries(self):
        for n in range(3):
            decisions.remove_comment(
                comment=self.by_guest(f"Comment {n}."), actor=self.moderator,
                clause=clause("attacks"), explanation=WHY,
            )  # fmt: skip
        sanction_author(
            clause=clause("attacks"), reason="Insults.", actor=self.moderator, user=self.dana
        )
        sanction_author(
            clause=clause("attacks"), reason="Insults again.", actor=self.moderator, user=self.dana
        )
        day = timezone.localdate().isoformat()
        self.client.force_login(self.senior)
        # Session and user, the permission check (two), the decisions and the reports on their
        # comments, the sanctions (these name no comment, so there are no reports to read), and
        # screening's notices (none here, so no clauses to read).
        with self.assertNumQueries(8):
            response = self.client.get(self.URL, {"since": day, "until": day})
            lines = b"".join(response.streaming_content).splitlines()
        assert len(lines) == 4

    def test_the_form_is_shown_and_a_backward_range_is_refused(self):
        self.client.force_login(self.senior)
        assert self.client.get(self.URL).status_code == 200
        response = self.client.get(self.URL, {"since": "2026-11-30", "until": "2026-11-01"})
        assert response.status_code == 400
        assert "The first day comes after the last one." in response.content.decode()

    def test_a_moderator_is_refused_and_a_visitor_sent_to_sign_in(self):
        self.client.force_login(self.moderator)
        assert (
            self.client.get(self.URL, {"since": "2026-11-01", "until": "2026-11-30"}).status_code
            == 403
        )
        self.client.logout()
        assert self.client.get(self.URL).status_code == 302
