from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gazette.api import tokens
from gazette.api.models import ApiToken
from gazette.comments.models import Comment
from gazette.moderation.models import AuditEntry, Clause, Notice
from gazette.moderation.roles import EDITOR, MODERATOR
from gazette.moderation.services import claims, decisions
from gazette.moderation.services.appeals import file_appeal
from tests.api.helpers import assert_problem, call
from tests.factories import ThreadFactory, UserFactory
from tests.moderation.factories import WHY, ScreeningTermFactory, post, reviewer, staff_in

# What differs between two entries of the same decision on two comments at two moments.
PER_ENTRY = {
    "id",
    "created_at",
    "comment_id",
    "comment_posted_at",
    "record_id",
    "public_id",
    "previous_hash",
    "entry_hash",
}


def entry_shape(entry):
    return {
        field.name: getattr(entry, field.attname)
        for field in AuditEntry._meta.fields
        if field.name not in PER_ENTRY
    }


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


class StaffTokenTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.moderator = staff_in(MODERATOR)

    def test_a_token_is_kept_only_as_its_hash(self):
        token, secret = tokens.issue_token(user=self.moderator, name="Night desk", scope="read")
        stored = ApiToken.objects.get(pk=token.pk)
        assert secret not in {stored.key_hash, stored.prefix, stored.name}
        assert secret.startswith(stored.prefix)
        assert len(stored.key_hash) == 64

    def test_a_call_without_a_token_is_refused_with_401(self):
        assert_problem(self.client.get("/api/v1/staff/queue/pending"), 401, "token_required")

    def test_a_revoked_token_is_refused_with_401(self):
        token, secret = tokens.issue_token(user=self.moderator, name="Old tool", scope="read")
        tokens.revoke_token(token=token)
        response = self.client.get("/api/v1/staff/queue/pending", **bearer(secret))
        assert_problem(response, 401, "token_required")

    def test_a_token_of_an_account_no_longer_active_is_refused(self):
        user = staff_in(MODERATOR)
        _token, secret = tokens.issue_token(user=user, name="Tool", scope="read")
        user.is_active = False
        user.save()
        response = self.client.get("/api/v1/staff/queue/pending", **bearer(secret))
        assert_problem(response, 401, "token_required")

    def test_a_call_records_when_the_token_was_last_used(self):
        token, secret = tokens.issue_token(user=self.moderator, name="Tool", scope="read")
        self.client.get("/api/v1/staff/queue/pending", **bearer(secret))
        token.refresh_from_db()
        assert token.last_used_at is not None

    def test_a_token_gives_no_more_than_its_owner_may_do(self):
        _token, secret = tokens.issue_token(user=staff_in(EDITOR), name="Tool", scope="moderate")
        response = self.client.get("/api/v1/staff/queue/pending", **bearer(secret))
        assert_problem(response, 403, "permission_required")


class StaffQueueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ScreeningTermFactory(phrase="casino", action="suspect", mode="whole_word")
        cls.moderator = staff_in(MODERATOR)
        cls.thread = ThreadFactory()
        _token, cls.secret = tokens.issue_token(user=cls.moderator, name="Tool", scope="read")

    def test_the_held_queue_lists_what_screening_held(self):
        held = post(self.thread, "casino here", email="writer@example.org")
        response = self.client.get("/api/v1/staff/queue/held", **bearer(self.secret))
        data = response.json()
        assert [item["id"] for item in data["items"]] == [held.pk]
        assert data["items"][0]["body"] == "casino here"
        assert "writer@example.org" not in response.content.decode()
        assert response["Cache-Control"] == "no-store"

    def test_a_queue_page_costs_the_same_queries_however_many_comments_it_lists(self):
        def queries_for(count):
            for number in range(count):
                post(ThreadFactory(), f"casino number {number}", anonymous_id=f"w{count}-{number}")
            self.client.get("/api/v1/staff/queue/held", **bearer(self.secret))
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get("/api/v1/staff/queue/held", **bearer(self.secret))
            assert len(response.json()["items"]) >= count
            return len(captured)

        assert queries_for(2) == queries_for(6)

    def test_an_unknown_queue_is_named(self):
        response = self.client.get("/api/v1/staff/queue/everything", **bearer(self.secret))
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "name"

    def test_a_read_token_may_not_decide(self):
        comment = post(self.thread, "A view.")
        response = call(
            self.client,
            "POST",
            f"/api/v1/staff/comments/{comment.pk}/decisions",
            {"action": "approve"},
            **bearer(self.secret),
        )
        assert_problem(response, 403, "token_scope")


class StaffDecisionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.moderator = staff_in(MODERATOR)
        cls.thread = ThreadFactory()
        cls.clause = Clause.objects.get(version__number=1, key="spam")
        _token, cls.secret = tokens.issue_token(user=cls.moderator, name="Tool", scope="moderate")

    def decide(self, comment, body):
        return call(
            self.client,
            "POST",
            f"/api/v1/staff/comments/{comment.pk}/decisions",
            body,
            **bearer(self.secret),
        )

    def test_a_removal_from_the_api_is_logged_and_noticed_as_one_from_the_desk(self):
        removal = {
            "action": "remove",
            "clause": self.clause.number,
            "explanation": "It advertises a casino.",
        }
        by_api = post(self.thread, "Visit my casino", anonymous_id="a")
        by_desk = post(self.thread, "Visit my casino too", anonymous_id="b")
        response = self.decide(by_api, removal)
        assert response.status_code == 200, response.content
        assert response.json()["state"] == "removed"
        self.client.force_login(self.moderator)
        self.client.post(
            reverse("moderation:decide", kwargs={"pk": by_desk.pk}),
            {**removal, "clause": self.clause.pk},
        )
        api_entry = AuditEntry.objects.get(comment_id=by_api.pk, event="removed")
        desk_entry = AuditEntry.objects.get(comment_id=by_desk.pk, event="removed")
        assert entry_shape(api_entry) == entry_shape(desk_entry)
        assert Notice.objects.filter(comment=by_api).count() == 1
        assert Notice.objects.filter(comment=by_desk).count() == 1

    def test_a_removal_without_a_clause_is_refused_and_changes_nothing(self):
        comment = post(self.thread, "A view.")
        response = self.decide(comment, {"action": "remove", "explanation": "Because."})
        assert_problem(response, 422, "moderation_refused")
        comment.refresh_from_db()
        assert comment.state == Comment.State.PUBLISHED

    def test_an_unknown_action_is_named(self):
        comment = post(self.thread, "A view.")
        problem = assert_problem(self.decide(comment, {"action": "shout"}), 422, "invalid_input")
        assert problem["errors"][0]["field"] == "action"

    def test_approving_a_published_comment_conflicts_with_its_state(self):
        comment = post(self.thread, "A view.")
        assert_problem(self.decide(comment, {"action": "approve"}), 409, "transition_not_allowed")

    def test_an_item_another_moderator_holds_is_refused_naming_them(self):
        comment = post(self.thread, "A view.")
        claims.claim_item(comment=comment, actor=staff_in(MODERATOR, display_name="Mira"))
        response = self.decide(comment, {"action": "hold", "explanation": "To be checked."})
        problem = assert_problem(response, 409, "item_claimed")
        assert "Mira has been looking at this item" in problem["detail"]
        comment.refresh_from_db()
        assert comment.state == Comment.State.PUBLISHED

    def test_no_mail_address_is_sent_back(self):
        comment = post(self.thread, "A view.", email="writer@example.org")
        response = self.decide(comment, {"action": "hold", "explanation": "To be checked."})
        assert response.json()["state"] == "pending"
        assert "writer@example.org" not in response.content.decode()


class StaffCasesTests(TestCase):
    """Sanctions and appeals through the desk's own services."""

    @classmethod
    def setUpTestData(cls):
        cls.moderator = staff_in(MODERATOR)
        cls.senior = reviewer("en")
        cls.thread = ThreadFactory()
        cls.clause = Clause.objects.get(version__number=1, key="spam")
        _token, cls.secret = tokens.issue_token(user=cls.moderator, name="Desk", scope="moderate")
        _token, cls.senior_secret = tokens.issue_token(
            user=cls.senior, name="Appeals", scope="moderate"
        )

    def test_a_warning_is_recorded_and_its_author_notified(self):
        comment = post(self.thread, "Visit my casino", user=UserFactory())
        response = call(
            self.client,
            "POST",
            f"/api/v1/staff/comments/{comment.pk}/sanctions",
            {
                "clause": self.clause.number,
                "reason": "Advertising is not allowed.",
                "kind": "warning",
            },
            **bearer(self.secret),
        )
        assert response.status_code == 201, response.content
        assert response.json()["kind"] == "warning"
        assert AuditEntry.objects.filter(event="sanctioned", comment_id=comment.pk).exists()

    def test_a_sanction_without_a_reason_is_named(self):
        comment = post(self.thread, "A view.", user=UserFactory())
        response = call(
            self.client,
            "POST",
            f"/api/v1/staff/comments/{comment.pk}/sanctions",
            {"clause": self.clause.number, "reason": ""},
            **bearer(self.secret),
        )
        problem = assert_problem(response, 422, "invalid_input")
        assert problem["errors"][0]["field"] == "reason"

    def test_an_appeal_is_decided_by_a_senior_moderator_and_the_removal_reversed(self):
        comment = post(self.thread, "I quoted the minister.")
        removal = decisions.remove_comment(
            comment=comment, actor=self.moderator, clause=self.clause, explanation=WHY
        )
        appeal = file_appeal(decision=removal, statement="It was a quote.")
        response = call(
            self.client,
            "POST",
            f"/api/v1/staff/appeals/{appeal.pk}/decisions",
            {"outcome": "reversed", "response": "A quotation is not an insult."},
            **bearer(self.senior_secret),
        )
        assert response.json() == {"id": appeal.pk, "outcome": "reversed"}
        comment.refresh_from_db()
        assert comment.state == Comment.State.PUBLISHED

    def test_a_moderator_without_the_right_cannot_decide_an_appeal(self):
        comment = post(self.thread, "I quoted the minister.")
        removal = decisions.remove_comment(
            comment=comment, actor=self.senior, clause=self.clause, explanation=WHY
        )
        appeal = file_appeal(decision=removal, statement="It was a quote.")
        response = call(
            self.client,
            "POST",
            f"/api/v1/staff/appeals/{appeal.pk}/decisions",
            {"outcome": "reversed", "response": "Fine."},
            **bearer(self.secret),
        )
        assert_problem(response, 403, "permission_required")
