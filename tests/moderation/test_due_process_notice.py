"""Due process (docs/moderation.md, "Statements of reasons"): decisions as statements of reasons,
notices, graduated sanctions and orders from authorities. Each test names the point of the
due-process checklist it proves."""

# Russian and Kazakh text is Cyrillic by design.
# ruff: noqa: RUF001

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from gazette.comments.exceptions import CommentRejected
from gazette.comments.models import Comment
from gazette.comments.services import delete_comment, edit_comment
from gazette.comments.services.changes import AuthorProof
from gazette.moderation import links, policy, statements
from gazette.moderation.exceptions import (
    ClauseNotInForce,
    ExplanationRequired,
    LegalGroundRequired,
    SanctionInvalid,
)
from gazette.moderation.models import (
    AuditEntry,
    AuthorityRequest,
    Clause,
    Decision,
    ModerationSettings,
    Notice,
    Sanction,
)
from gazette.moderation.policy import Automation, Finding, SanctionKind, Source
from gazette.moderation.roles import MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.authority import (
    act_on_authority_request,
    record_authority_request,
)
from gazette.moderation.services.evidence import minimise_expired_evidence
from gazette.moderation.services.reports import report_comment
from gazette.moderation.services.sanctions import sanction_author
from tests.comments.helpers import comment_check
from tests.factories import ThreadFactory, UserFactory
from tests.moderation.factories import (
    WHY,
    ClauseFactory,
    PolicyVersionFactory,
    ScreeningTermFactory,
    post,
    staff_in,
)
from tests.querycounts import plus_cache_reads

# Session and user; notices, sanctions and appeals; the section menu (one cache read).
HISTORY_QUERIES = plus_cache_reads(5, 1)
PUBLIC_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def version_one(key: str = "attacks") -> Clause:
    """A clause of the policy a new install starts with (in force when these tests post)."""
    return Clause.objects.get(version__number=1, key=key)


class NoticeTestCase(TestCase):
    """A moderator and a senior moderator, and a discussion under version 1 of the policy."""

    @classmethod
    def setUpTestData(cls) -> None:
        ModerationSettings.objects.create(pk=1, profanity_threshold=0, house_models=False)
        cls.moderator = staff_in(MODERATOR)
        cls.senior = staff_in(SENIOR_MODERATOR)

    def setUp(self) -> None:
        self.thread = ThreadFactory()

    def remove_from_the_desk(self, comment: Comment, **data: object):
        self.client.force_login(self.moderator)
        return self.client.post(
            reverse("moderation:decide", kwargs={"pk": comment.pk}),
            {"action": "remove", "clause": version_one().pk, "explanation": WHY, **data},
        )


class NoRetroactiveRulesTests(NoticeTestCase):
    """Point 6: a decision applies the version the comment was written under."""

    def setUp(self) -> None:
        super().setUp()
        self.comment = post(self.thread, "You are all paid to write this.")
        assert self.comment.policy_version == "1"
        self.later = PolicyVersionFactory(number=2, published_at=timezone.now())
        self.new_rule = ClauseFactory(version=self.later, number=9, key="paid-accusations")
        self.attacks_v2 = ClauseFactory(version=self.later, number=3, key="attacks")

    def test_point_6_a_clause_only_a_later_version_has_is_refused(self):
        self.client.force_login(self.moderator)
        response = self.client.post(
            reverse("moderation:decide", kwargs={"pk": self.comment.pk}),
            {"action": "remove", "clause": self.new_rule.pk, "explanation": WHY},
        )
        self.assertContains(response, "not in the Comment Policy when", status_code=400)
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED
        assert not Decision.objects.exists()

    def test_point_6_the_service_refuses_it_too(self):
        with pytest.raises(ClauseNotInForce):
            decisions.remove_comment(
                comment=self.comment, actor=self.moderator, clause=self.new_rule, explanation=WHY
            )

    def test_point_6_a_clause_of_the_same_key_cites_the_version_written_under(self):
        decision = decisions.remove_comment(
            comment=self.comment, actor=self.moderator, clause=self.attacks_v2, explanation=WHY
        )
        assert (decision.clause.version.number, decision.clause.key) == (1, "attacks")
        notice = Notice.objects.get(decision=decision)
        assert notice.policy_version == 1
        assert notice.statement["clause"]["version"] == 1

    def test_point_6_an_edit_under_a_later_version_applies_that_version(self):
        Comment.objects.filter(pk=self.comment.pk).update(edited_at=timezone.now())
        self.comment.refresh_from_db()
        decision = decisions.remove_comment(
            comment=self.comment, actor=self.moderator, clause=self.new_rule, explanation=WHY
        )
        assert decision.clause == self.new_rule


class ExplanationTests(NoticeTestCase):
    """Point 12: the explanation is specific, not boilerplate."""

    def setUp(self) -> None:
        super().setUp()
        self.comment = post(self.thread, "Everyone who disagrees with me is paid to.")

    def test_point_12_empty_explanation_is_refused(self):
        response = self.remove_from_the_desk(self.comment, explanation="")
        self.assertContains(response, "Explain why this comment breaks the rule", status_code=400)
        self.comment.refresh_from_db()
        assert self.comment.state == Comment.State.PUBLISHED
        assert not Notice.objects.exists()

    def test_point_12_only_the_clause_title_is_refused_in_any_edition(self):
        clause = version_one()
        for title in (clause.title, clause.title_in("ru"), f"  {clause.title_in('kk')}. "):
            with self.subTest(title=title):
                response = self.remove_from_the_desk(self.comment, explanation=title)
                assert response.status_code == 400
        with pytest.raises(ExplanationRequired):
            decisions.remove_comment(
                comment=self.comment, actor=self.moderator, clause=clause, explanation="Insult."
            )
        assert not Decision.objects.exists()

    def test_point_12_a_specific_explanation_is_stored_and_sent(self):
        response = self.remove_from_the_desk(self.comment)
        assert response.status_code == 302
        decision = Decision.objects.get()
        assert decision.explanation == WHY
        assert WHY in Notice.objects.get().body

    def test_point_12_a_moderators_hold_needs_one_as_well(self):
        with pytest.raises(ExplanationRequired):
            decisions.hold_comment(comment=self.comment, actor=self.moderator)

    def test_illegal_ground_needs_the_law(self):
        with pytest.raises(LegalGroundRequired):
            decisions.remove_comment(
                comment=self.comment,
                actor=self.moderator,
                clause=version_one(),
                grounds=decisions.Grounds(explanation=WHY, ground=policy.Ground.ILLEGAL),
            )


class OneStatementPerRestrictionTests(NoticeTestCase):
    """Point 9: every restrictive action produces exactly one statement of reasons."""

    def test_point_9_every_restrictive_comment_action_has_one_notice(self):
        for action in sorted(policy.RESTRICTIVE):
            with self.subTest(action=action):
                comment = post(self.thread, f"A view to {action}.", anonymous_id=action)
                clause = version_one() if action in policy.NEEDS_CLAUSE else None
                with self.captureOnCommitCallbacks(execute=True):
                    decision = decisions.decide_many(
                        comment_ids=[comment.pk],
                        action=action,
                        actor=self.moderator,
                        clause=clause,
                        explanation=WHY,
                    )
                assert decision.done == 1
                made = Decision.objects.get(comment=comment, action=action)
                assert Notice.objects.filter(comment=comment).count() == 1
                assert Notice.objects.get(comment=comment).decision == made

    def test_point_9_every_sanction_kind_has_one_notice(self):
        immediate = ClauseFactory(version=version_one().version, number=20, immediate=True)
        for kind in SanctionKind:
            with self.subTest(kind=kind):
                reader = UserFactory()
                comment = post(self.thread, user=reader)
                sanction = sanction_author(
                    kind=kind,
                    clause=immediate,
                    reason="Threats against a witness in the trial.",
                    actor=self.senior,
                    user=reader,
                    days=7 if kind == SanctionKind.SUSPENSION else None,
                    comment=comment,
                )
                assert list(Notice.objects.filter(sanction=sanction)) == list(
                    Notice.objects.filter(kind=Notice.Kind.SANCTIONED, user=reader)
                )
                assert Notice.objects.filter(sanction=sanction).count() == 1

    def test_point_9_a_sanction_with_no_comment_is_still_notified_to_the_account(self):
        reader = UserFactory()
        sanction = sanction_author(
            clause=version_one(),
            reason="Insults in three discussions.",
            actor=self.moderator,
            user=reader,
        )
        notice = Notice.objects.get(sanction=sanction)
        assert (notice.user, notice.email, notice.comment) == (reader, reader.email, None)

    def test_point_9_screening_holds_and_refusals_store_one_notice_each(self):
        ScreeningTermFactory(phrase="scamcoin", action="block", clause_key="spam")
        ScreeningTermFactory(phrase="moneyfast", action="suspect", clause_key="spam")
        held = post(self.thread, "Try moneyfast today.", anonymous_id="h")
        assert held.state == Comment.State.PENDING
        assert Notice.objects.filter(comment=held, kind=Notice.Kind.SCREENED).count() == 1
        reader = UserFactory()
        with pytest.raises(CommentRejected):
            post(self.thread, "Buy scamcoin now.", user=reader)
        refused = Notice.objects.get(kind=Notice.Kind.REFUSED)
        assert (refused.user, refused.comment) == (reader, None)
        assert refused.statement["automation"]["automated_decision"] == Automation.FULLY
        assert refused.statement["facts"]["excerpt"] == "Buy scamcoin now."


class EditHoldTests(NoticeTestCase):
    def test_point_9_an_edit_that_screening_holds_is_notified_once(self):
        ScreeningTermFactory(phrase="moneyfast", action="suspect", clause_key="spam")
        reader = UserFactory()
        comment = post(self.thread, "A view.", user=reader)
        edit_comment(
            comment_id=comment.pk, proof=AuthorProof(user_id=reader.pk), body="Try moneyfast."
        )
        comment.refresh_from_db()
        assert comment.state == Comment.State.PENDING
        notice = Notice.objects.get(comment=comment)
        assert (notice.kind, notice.user) == (Notice.Kind.SCREENED, reader)
        assert notice.statement["facts"]["excerpt"] == "Try moneyfast."


class DeliveryTests(NoticeTestCase):
    """Point 10: the notice exists when the restriction starts; it reaches the author."""

    def test_point_10_the_notice_is_dated_no_later_than_the_removal(self):
        comment = post(self.thread, "A view.")
        decision = decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        notice = Notice.objects.get(decision=decision)
        assert notice.created_at <= decision.created_at

    def test_point_10_a_signed_in_author_gets_it_by_email_and_in_the_product(self):
        reader = UserFactory()
        comment = post(self.thread, "A view.", user=reader)
        with self.captureOnCommitCallbacks(execute=True):
            self.remove_from_the_desk(comment)
        notice = Notice.objects.get()
        assert [message.to for message in mail.outbox] == [[reader.email]]
        assert mail.outbox[0].body == notice.body
        self.client.force_login(reader)
        response = self.client.get(reverse("moderation:history"))
        self.assertContains(response, notice.subject)
        self.assertContains(response, WHY)

    def test_point_10_a_guest_reads_it_on_the_status_page(self):
        comment = post(self.thread, "A view.")
        self.remove_from_the_desk(comment)
        self.client.logout()
        response = self.client.get(links.comment_status_path(comment.pk, "en"))
        decision = Decision.objects.get()
        self.assertContains(response, WHY)
        self.assertContains(response, f'id="{decision.public_id}"')

    def test_every_notice_is_recorded_as_sent_with_its_breakdown(self):
        comment = post(self.thread, "A view.", email="dana@example.org")
        decision = decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        entry = AuditEntry.objects.get(event=AuditEntry.Event.NOTICE_SENT)
        assert (entry.outcome, entry.public_id, entry.action, entry.source) == (
            "emailed",
            decision.public_id,
            "remove",
            Source.MODERATOR,
        )
        assert (entry.clause_key, entry.policy_version) == ("attacks", 1)
        removal = AuditEntry.objects.get(event=AuditEntry.Event.REMOVED)
        assert (removal.public_id, removal.automation, removal.ground, removal.written) == (
            decision.public_id,
            Automation.NOT_AUTOMATED,
            "incompatible",
            "en",
        )


class NoticeContentTests(NoticeTestCase):
    """Point 11 (every Art. 17(3) element) and point 13 (the reporter is not named)."""

    def illegal_removal(self) -> Notice:
        comment = post(self.thread, "The witness lives at 5 Abai Street, go and visit her.")
        decisions.remove_comment(
            comment=comment,
            actor=self.moderator,
            clause=version_one("privacy"),
            grounds=decisions.Grounds(
                explanation="It gives a witness's home address and urges readers to go there.",
                ground=policy.Ground.ILLEGAL,
                legal_ground="Criminal Code, art. 147 (privacy)",
            ),
        )
        return Notice.objects.get()

    def test_point_11_the_statement_validates_against_the_schema(self):
        notice = self.illegal_removal()
        assert statements.problems(notice.statement) == []
        assert statements.problems({"puid": "bad id!"}) != []

    def test_point_11_the_text_carries_every_element(self):
        notice = self.illegal_removal()
        statement = notice.statement
        body = notice.body
        clause = version_one("privacy")
        for element in (
            "A moderator removed your comment.",  # (a) the action
            "the en edition",  # (a) scope
            "Until: indefinitely.",  # (a) end
            "5 Abai Street",  # (b) excerpt
            "urges readers to go there",  # (b) what breaks the rule, (e) why
            "What led to it: a moderator's own review.",  # (b) trigger
            "Found by automated screening: no.",  # (c)
            "Decided by a person.",  # (c)
            "Criminal Code, art. 147",  # (d) the law
            f"Clause {clause.number} of the Comment Policy, version 1",  # (e)
            statement["clause"]["url"],  # (e) link
            "You may appeal once",  # (f) how, until when, who, target time
            "a senior moderator who took no part in the decision",
            f"within {policy.APPEAL_TARGET_DAYS} days",
            statement["redress"]["appeal_url"],
            "court",  # (f) other redress
        ):
            assert element in body, element
        assert statement["ground"]["type"] == "illegal"
        assert statement["redress"]["appeal_deadline"]
        assert statement["facts"]["permalink"].endswith(f"#{statement['puid']}")

    def test_point_13_a_reported_comments_notice_says_a_reader_reported_and_no_more(self):
        reporter = UserFactory(username="reporter-zhanna", email="zhanna@example.org")
        comment = post(self.thread, "Everyone who disagrees with me is paid to.")
        report = report_comment(
            comment=comment, clause=version_one(), reporter_key="user:99", reporter=reporter
        )
        decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        notice = Notice.objects.get()
        assert "a reader reported the comment" in notice.body
        assert notice.statement["facts"]["trigger"] == Source.READER_REPORT
        text = notice.body + repr(notice.statement)
        for identity in ("zhanna", "reporter-zhanna", "user:99", f"report {report.pk}"):
            assert identity not in text


class AuthorLanguageTests(NoticeTestCase):
    """Point 14: the notice is in the author's language, with that edition's clause text."""

    def test_point_14_an_author_with_a_kazakh_interface_gets_a_kazakh_notice(self):
        comment = post(self.thread, "The verdict is wrong.", language="kk")
        decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        notice = Notice.objects.get()
        assert notice.language == "kk"
        assert "Шешімді адам қабылдады." in notice.body  # "Decided by a person."
        assert notice.clause_text == version_one().text_in("kk")
        assert version_one().text_in("kk") in notice.body
        assert notice.statement["clause"]["title"] == version_one().title_in("kk")

    def test_point_14_without_an_interface_language_the_comments_language_is_used(self):
        comment = post(self.thread, "Судья явно не читал материалы дела, это позор.")
        Comment.objects.filter(pk=comment.pk).update(language="")
        comment.refresh_from_db()
        decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        assert Notice.objects.get().language == "ru"


class HistoryTests(NoticeTestCase):
    """Point 15: a sanctioned reader can still read their notices and appeal."""

    def test_point_15_a_banned_reader_reaches_history_and_appeal_but_cannot_post(self):
        reader = UserFactory()
        comment = post(self.thread, "A view.", user=reader)
        decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        violence = version_one("violence")
        Clause.objects.filter(pk=violence.pk).update(immediate=True)
        violence.refresh_from_db()
        sanction_author(
            kind=SanctionKind.BAN,
            clause=violence,
            reason="Called for an attack on the court.",
            actor=self.senior,
            user=reader,
        )
        self.client.force_login(reader)
        response = self.client.get(reverse("moderation:history"))
        status_path = links.comment_status_path(comment.pk)
        self.assertContains(response, WHY)
        self.assertContains(response, "Ban")
        self.assertContains(response, status_path)
        appeal = self.client.post(status_path, {"statement": "I quoted the defendant."})
        assert appeal.status_code == 302
        article = self.thread.article
        posting = self.client.post(
            reverse("comments:post", kwargs={"article_pk": article.pk}),
            {"body": "Back again.", "accept_policy": "on", **comment_check(article)},
        )
        assert posting.status_code == 403

    def test_the_history_takes_the_same_queries_however_long_it_is(self):
        reader = UserFactory()
        self.client.force_login(reader)

        def remove_one(n: int) -> None:
            comment = post(self.thread, f"View number {n}.", user=reader)
            decisions.remove_comment(
                comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
            )

        remove_one(0)
        self.client.get(reverse("moderation:history"))  # warm the per-process caches
        with self.assertNumQueries(HISTORY_QUERIES):
            self.client.get(reverse("moderation:history"))
        for n in range(1, 4):
            remove_one(n)
        with self.assertNumQueries(HISTORY_QUERIES):
            response = self.client.get(reverse("moderation:history"))
        assert response.content.decode().count('class="notice-record"') == 4

    def test_point_15_the_history_asks_a_guest_to_sign_in(self):
        response = self.client.get(reverse("moderation:history"))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


class SanctionLadderTests(NoticeTestCase):
    """Point 16: sanctions are graduated and warned."""

    def setUp(self) -> None:
        super().setUp()
        self.reader = UserFactory()
        self.comment = post(self.thread, "A view.", user=self.reader)

    def strike(self, clause: Clause | None = None) -> Sanction:
        return sanction_author(
            clause=clause or version_one(),
            reason="Insults aimed at another reader.",
            actor=self.moderator,
            user=self.reader,
            comment=self.comment,
        )

    def test_point_16_a_first_strike_warns_a_second_suspends_with_its_end_in_the_notice(self):
        first = self.strike()
        assert (first.kind, first.ends_at) == (SanctionKind.WARNING, None)
        assert not Sanction.objects.in_force().exists()
        second = self.strike()
        assert second.kind == SanctionKind.SUSPENSION
        assert second.ends_at is not None
        days = policy.LADDER[1].days
        assert (second.ends_at - second.starts_at) == timedelta(days=days)
        notice = Notice.objects.get(sanction=second)
        assert "You cannot comment until" in notice.body
        assert notice.statement["action"]["ends_at"] == second.ends_at.isoformat()

    def test_point_16_the_sanction_page_tells_the_moderator_where_the_author_stands(self):
        self.client.force_login(self.moderator)
        url = reverse("moderation:sanction", kwargs={"pk": self.comment.pk})
        self.assertContains(self.client.get(url), "a breach now brings a warning")
        self.strike()
        response = self.client.get(url)
        self.assertContains(response, "1 sanction on record in the last 365 days.")
        self.assertContains(response, "a breach now brings a suspension of 7 days.")

    def test_point_16_a_suspension_without_a_warning_is_refused(self):
        with pytest.raises(SanctionInvalid):
            sanction_author(
                kind=SanctionKind.SUSPENSION,
                clause=version_one(),
                reason="Insults.",
                actor=self.moderator,
                user=self.reader,
                days=3,
            )
        assert not Sanction.objects.exists()

    def test_point_16_an_immediate_clause_skips_the_warning(self):
        immediate = ClauseFactory(version=version_one().version, number=21, immediate=True)
        first = self.strike(immediate)
        assert first.kind == SanctionKind.SUSPENSION

    def test_point_16_the_ladder_ends_in_a_ban_and_describes_itself(self):
        rungs = [policy.next_rung(prior_strikes=n, immediate=False).kind for n in range(6)]
        assert rungs == ["warning", "suspension", "suspension", "ban", "ban", "ban"]
        described = policy.ladder_description()
        assert [rung["sanction"] for rung in described["rungs"]] == [
            "warning",
            "suspension",
            "suspension",
            "ban",
        ]

    def test_a_revoked_strike_does_not_count(self):
        from gazette.moderation.services.sanctions import revoke_sanction  # noqa: PLC0415

        revoke_sanction(sanction=self.strike(), actor=self.senior, reason="Made in error.")
        assert self.strike().kind == SanctionKind.WARNING

    def test_deleting_the_account_keeps_its_sanctions_without_naming_it(self):
        sanction = self.strike()
        self.reader.delete()
        sanction.refresh_from_db()
        assert (sanction.user, sanction.email) == (None, "")
        assert sanction.subject_minimised_at is not None
        assert Sanction.objects.filter(kind=SanctionKind.WARNING).count() == 1
        assert AuditEntry.objects.filter(event=AuditEntry.Event.SANCTIONED).count() == 1


class AuthorityRequestTests(NoticeTestCase):
    """Point 8: removals on an authority's order are recorded and disclosed."""

    def order(self, comment: Comment, **extra: object) -> AuthorityRequest:
        return record_authority_request(
            request=AuthorityRequest(
                kind=AuthorityRequest.Kind.PROSECUTOR,
                country="kz",
                authority="Prosecutor's office of Astana",
                reference="2-1234/26",
                received_at=timezone.now(),
                **extra,
            ),
            comments=[comment],
            actor=self.moderator,
        )

    def test_point_8_a_removal_on_an_order_says_so_and_is_counted(self):
        comment = post(self.thread, "The judge takes bribes, everyone knows.")
        order = self.order(comment)
        removed = act_on_authority_request(
            request=order,
            actor=self.moderator,
            clause=version_one("justice"),
            explanation="It accuses a named judge of a crime with no verdict or source.",
            legal_ground="Criminal Code, art. 130 (defamation)",
        )
        assert [decision.source for decision in removed] == [Source.AUTHORITY_REQUEST]
        notice = Notice.objects.get()
        assert "on the request of an authority" in notice.body
        assert notice.statement["authority_request"] is True
        assert notice.statement["facts"]["trigger"] == Source.AUTHORITY_REQUEST
        orders = AuditEntry.objects.filter(event=AuditEntry.Event.AUTHORITY_REQUEST)
        assert list(orders.values_list("outcome", "note")) == [("prosecutor", "KZ")]
        assert AuditEntry.objects.get(event="removed").source == Source.AUTHORITY_REQUEST
        order.refresh_from_db()
        assert order.outcome == AuthorityRequest.Outcome.REMOVED

    def test_point_8_an_order_the_law_keeps_secret_is_not_disclosed(self):
        comment = post(self.thread, "The judge takes bribes, everyone knows.")
        order = self.order(
            comment, disclosure_forbidden=True, disclosure_reason="Law on pre-trial secrecy"
        )
        act_on_authority_request(
            request=order,
            actor=self.moderator,
            clause=version_one("justice"),
            explanation="It accuses a named judge of a crime with no verdict or source.",
        )
        notice = Notice.objects.get()
        assert "authority" not in notice.body
        assert notice.statement["facts"]["trigger"] == Source.MODERATOR

    def test_point_8_the_desk_removes_what_an_order_concerns(self):
        comment = post(self.thread, "The judge takes bribes, everyone knows.")
        order = self.order(comment)
        url = reverse("moderation:authority_request", kwargs={"pk": order.pk})
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get(url), "The judge takes bribes")
        data = {"clause": version_one("justice").pk, "explanation": ""}
        assert self.client.post(url, data).status_code == 400
        data["explanation"] = "It accuses a named judge of a crime with no verdict or source."
        assert self.client.post(url, data).status_code == 302
        comment.refresh_from_db()
        assert comment.state == Comment.State.REMOVED
        assert Decision.objects.get().authority_request == order

    def test_point_8_staff_record_an_order_in_the_admin(self):
        comment = post(self.thread, "The judge takes bribes, everyone knows.")
        admin = UserFactory(is_staff=True, is_superuser=True)
        self.client.force_login(admin)
        now = timezone.localtime()
        response = self.client.post(
            reverse("admin:moderation_authorityrequest_add"),
            {
                "kind": "court_order",
                "country": "kz",
                "authority": "Astana city court",
                "reference": "2-55/26",
                "received_at_0": now.strftime("%Y-%m-%d"),
                "received_at_1": now.strftime("%H:%M:%S"),
                "comments": str(comment.pk),
                "disclosure_reason": "",
            },
        )
        assert response.status_code == 302
        order = AuthorityRequest.objects.get()
        assert (order.country, list(order.comments.all()), order.recorded_by) == (
            "KZ",
            [comment],
            admin,
        )
        assert AuditEntry.objects.filter(event=AuditEntry.Event.AUTHORITY_REQUEST).count() == 1

    def test_a_secret_order_must_say_which_law_keeps_it_secret(self):
        from gazette.moderation.exceptions import AuthorityRequestInvalid  # noqa: PLC0415

        comment = post(self.thread, "A view.")
        with pytest.raises(AuthorityRequestInvalid):
            self.order(comment, disclosure_forbidden=True)
        assert not AuthorityRequest.objects.exists()


class SnapshotTests(NoticeTestCase):
    """Point 34 (the notice is a snapshot) and point 36 (public ids)."""

    def test_point_34_editing_the_clause_later_leaves_the_notice_as_sent(self):
        comment = post(self.thread, "A view.")
        decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
        )
        notice = Notice.objects.get()
        sent = (notice.body, notice.statement)
        Clause.objects.filter(pk=version_one().pk).update(text="Rewritten in version 2.")
        notice.refresh_from_db()
        assert (notice.body, notice.statement) == sent
        assert "Rewritten" not in notice.body

    def test_point_36_public_ids_are_unique_and_match_the_puid_rule(self):
        comments = [post(self.thread, f"View {n}.", anonymous_id=f"r{n}") for n in range(4)]
        for comment in comments:
            decisions.remove_comment(
                comment=comment, actor=self.moderator, clause=version_one(), explanation=WHY
            )
        ids = list(Decision.objects.values_list("public_id", flat=True))
        ids += list(Notice.objects.values_list("public_id", flat=True))
        assert len(ids) == len(set(ids)) == 8
        assert all(PUBLIC_ID.match(public_id) for public_id in ids)
        assert {n.statement["puid"] for n in Notice.objects.all()} == set(
            Decision.objects.values_list("public_id", flat=True)
        )


class EvidenceTests(NoticeTestCase):
    """Point 35: the comment as decided outlives its deletion, for the appeal window only."""

    def test_point_35_the_text_as_decided_survives_deletion_then_is_minimised(self):
        reader = UserFactory()
        comment = post(self.thread, "The witness is a liar and a thief.", user=reader)
        decision = decisions.hold_comment(
            comment=comment, actor=self.moderator, explanation=WHY, clause=version_one()
        )
        delete_comment(comment_id=comment.pk, proof=AuthorProof(user_id=reader.pk))
        reader.delete()
        decision.refresh_from_db()
        assert decision.comment_text == "The witness is a liar and a thief."
        assert minimise_expired_evidence() == 0
        Decision.objects.filter(pk=decision.pk).update(
            created_at=timezone.now() - timedelta(days=policy.EVIDENCE_DAYS + 1)
        )
        assert minimise_expired_evidence() == 1
        decision.refresh_from_db()
        assert (decision.comment_text, decision.evidence_minimised_at is not None) == ("", True)
        assert AuditEntry.objects.filter(event="evidence_minimised").count() == 1
        assert minimise_expired_evidence() == 0


class ScreeningExplanationTests(NoticeTestCase):
    """Points 47 and 48: screening names its reasons; only listed classes remove on their own."""

    def test_point_47_a_look_alike_term_is_held_and_the_hold_names_term_rule_and_list(self):
        ScreeningTermFactory(phrase="scamcoin", action="block", clause_key="spam")
        comment = post(self.thread, "Buy ѕсаmсоin now.")  # Cyrillic look-alike letters
        assert comment.state == Comment.State.PENDING
        reason = comment.screening_reasons[0]
        assert "scamcoin" in reason
        assert "look-alike" in reason
        assert re.search(r"term list [0-9a-f]+", reason)
        arrival = AuditEntry.objects.get(event=AuditEntry.Event.SCREENED, comment_id=comment.pk)
        assert "term" in arrival.rules.split(",")
        notice = Notice.objects.get(comment=comment)
        spam = version_one("spam")
        assert (
            f"held by automated screening for human review under clause {spam.number}"
            in notice.body
        )
        assert notice.statement["automation"] == {
            "detected_automatically": True,
            "automated_decision": Automation.FULLY,
        }
        decision = decisions.approve_comment(comment=comment, actor=self.moderator)
        assert (decision.detected_by, decision.automation) == (["term"], Automation.PARTIALLY)

    def test_point_48_only_listed_rule_classes_may_remove_on_their_own(self):
        assert frozenset({"term"}) == policy.AUTO_REMOVE_RULES
        for rule in ("model:abuse", "classifier", "links", "duplicate"):
            with self.subTest(rule=rule):
                finding = Finding(rule, policy.REJECT, "asks to remove")
                assert policy.screening_action([finding]) == policy.HOLD
        assert policy.screening_action([Finding("term", policy.REJECT, "m")]) == policy.REJECT

    def test_point_48_a_listed_class_refuses_and_its_notice_says_decided_automatically(self):
        ScreeningTermFactory(phrase="scamcoin", action="block", clause_key="spam")
        with pytest.raises(CommentRejected):
            post(self.thread, "Buy scamcoin now.", email="dana@example.org")
        notice = Notice.objects.get(kind=Notice.Kind.REFUSED)
        assert notice.statement["automation"]["automated_decision"] == Automation.FULLY
        assert "Decided automatically." in notice.body
        assert notice.email == "dana@example.org"
