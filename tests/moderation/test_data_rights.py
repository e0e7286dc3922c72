"""Readers' data rights: the download of everything we hold about a reader, and its erasure,
by the reader (an account, or a guest through a mailed link or a comment's status link) and by
staff on their behalf."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from urllib.parse import urlsplit

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gazette.accounts.models import User
from gazette.accounts.readers import Reader
from gazette.comments.models import Comment, CommentLike, ReplySubscription
from gazette.comments.services import AuthorProof, edit_comment, like_comment, post_comment
from gazette.moderation import links, transparency
from gazette.moderation.models import (
    Appeal,
    AuditEntry,
    Clause,
    Notice,
    Report,
    Sanction,
)
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.moderation.services.appeals import appeal_no_action, file_appeal
from gazette.moderation.services.data_rights import (
    DataSubject,
    erase_personal_data,
    personal_data,
)
from gazette.moderation.services.reports import report_comment
from gazette.reactions.models import Tally, Vote
from gazette.reactions.services import cast_reaction
from gazette.reactions.targets import PollTarget
from tests.comments.helpers import GENEROUS_RATES, posting_as
from tests.factories import ThreadFactory, UserFactory, yes_no_reaction_set
from tests.moderation.factories import WHY, SanctionFactory, post, staff_in

PASSWORD = "correct horse battery staple"


class ReaderRecordTestCase(TestCase):
    """A signed-in reader with a bit of everything, beside another reader and a moderator
    whose names and addresses must never reach the reader's file."""

    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.attacks = Clause.objects.get(version__number=1, key="attacks")
        cls.moderator = staff_in(MODERATOR, display_name="Moderator Mirabel")
        cls.reader = UserFactory(
            username="dana@example.org",
            email="dana@example.org",
            email_verified_at=timezone.now(),
        )
        cls.other = UserFactory(username="olzhas@example.org", email="olzhas@example.org")
        cls.thread = ThreadFactory()
        cls.others_comment = post_comment(
            thread=cls.thread,
            **posting_as("Olzhas", user=cls.other, ip_hash="ip-olzhas"),
            body="The verdict is due on Friday.",
        )
        cls.comment = post_comment(
            thread=cls.thread,
            **posting_as("Dana", user=cls.reader, ip_hash="ip-dana"),
            body="The court should publish its reasoning.",
            notify=True,
        )
        edit_comment(
            comment_id=cls.comment.pk,
            proof=AuthorProof(user_id=cls.reader.pk),
            body="The court should publish its full reasoning.",
        )
        cls.removed = post_comment(
            thread=cls.thread,
            **posting_as("Dana", user=cls.reader, ip_hash="ip-dana"),
            body="Everyone on that bench is a fool.",
        )
        dana = Reader.signed_in(cls.reader, ip_hash="ip-dana")
        like_comment(comment_id=cls.others_comment.pk, reader=dana)
        cast_reaction(target=PollTarget.for_article(cls.thread.article), reader=dana, choice="yes")
        report_comment(
            comment=cls.others_comment,
            clause=cls.attacks,
            reporter_key=dana.key,
            reporter=cls.reader,
            note="It mocks the victims.",
        )
        cls.decision = decisions.remove_comment(
            comment=cls.removed,
            actor=cls.moderator,
            clause=cls.attacks,
            note="Private: third strike this month.",
            explanation=WHY,
        )
        file_appeal(decision=cls.decision, statement="It was a joke.", appellant=dana)

    def document(self) -> dict:
        return personal_data(DataSubject.account(User.objects.get(pk=self.reader.pk)))


class DownloadTests(ReaderRecordTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.reader)

    def download(self) -> dict:
        response = self.client.get(reverse("moderation:my_data"))
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
        assert response["Cache-Control"] == "private, no-store"
        return json.loads(response.content)

    def test_the_file_names_its_schema_and_the_account(self) -> None:
        document = self.download()
        assert document["schema"] == "gazette.personal-data/1"
        assert document["account"]["email"] == "dana@example.org"

    def test_it_holds_the_readers_comments_with_their_earlier_versions(self) -> None:
        comments = {c["id"]: c for c in self.download()["comments"]}
        assert set(comments) == {self.comment.pk, self.removed.pk}
        edited = comments[self.comment.pk]
        assert edited["text"] == "The court should publish its full reasoning."
        assert [v["text"] for v in edited["earlier_versions"]] == [
            "The court should publish its reasoning."
        ]

    def test_it_holds_votes_likes_reports_notices_appeals_and_the_subscription(self) -> None:
        document = self.download()
        assert [vote["answer"] for vote in document["votes"]] == ["yes"]
        assert [like["comment"] for like in document["likes"]] == [self.others_comment.pk]
        assert [report["details"] for report in document["reports"]] == ["It mocks the victims."]
        assert [notice["comment"] for notice in document["notices"]] == [self.removed.pk]
        assert [appeal["statement"] for appeal in document["appeals"]] == ["It was a joke."]
        assert [s["email"] for s in document["subscriptions"]] == ["dana@example.org"]
        assert [d["decided_by"] for d in document["decisions"]] == ["a moderator"]

    def test_it_holds_nobody_elses_data_nor_moderators_names_or_notes(self) -> None:
        text = json.dumps(self.download(), ensure_ascii=False)
        for foreign in (
            "olzhas@example.org",
            "Olzhas",
            "ip-olzhas",
            "Mirabel",
            self.moderator.email,
            "third strike",
        ):
            assert foreign not in text

    def test_a_reporters_appeal_against_no_action_stays_out_of_the_authors_file(self) -> None:
        decisions.dismiss_reports(comment=self.others_comment, actor=self.moderator, note="Fine.")
        appeal_no_action(
            report=Report.objects.get(comment=self.others_comment),
            statement="It mocks the victims, again.",
            appellant=Reader.signed_in(self.reader),
        )
        mine = self.download()
        authors = personal_data(DataSubject.account(self.other))
        assert [a["against"] for a in mine["appeals"]] == ["decision", "no_action"]
        assert authors["appeals"] == []
        assert "dana@example.org" not in json.dumps(authors)

    def test_signed_out_visitors_are_sent_to_sign_in(self) -> None:
        response = Client().get(reverse("moderation:my_data"))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]

    def test_the_profile_links_to_the_download_and_the_erasure(self) -> None:
        page = self.client.get(reverse("accounts:profile")).content.decode()
        assert reverse("moderation:my_data") in page
        assert reverse("moderation:erase_account") in page

    def test_the_query_count_does_not_grow_with_the_readers_data(self) -> None:
        with CaptureQueriesContext(connection) as before:
            self.document()
        for number in range(3):
            post_comment(
                thread=self.thread,
                **posting_as("Dana", user=self.reader),
                body=f"Another thought on the trial, number {number}.",
            )
        with self.assertNumQueries(len(before.captured_queries)):
            self.document()


def erase_form(remove: bool) -> dict[str, str]:
    return {"comments": "remove" if remove else "keep", "password": PASSWORD}


class AccountErasureTests(ReaderRecordTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.reader)

    def erase(self, *, remove: bool) -> None:
        response = self.client.post(reverse("moderation:erase_account"), erase_form(remove))
        assert response.status_code == 200
        assert "Your data is erased" in response.content.decode()

    def test_the_confirm_page_offers_both_choices_and_asks_for_the_password(self) -> None:
        page = self.client.get(reverse("moderation:erase_account")).content.decode()
        assert 'value="remove"' in page
        assert 'value="keep"' in page
        assert 'name="password"' in page

    def test_a_wrong_password_erases_nothing(self) -> None:
        response = self.client.post(
            reverse("moderation:erase_account"), {"comments": "keep", "password": "guess"}
        )
        assert response.status_code == 400
        assert "This is not your password" in response.content.decode()
        assert User.objects.get(pk=self.reader.pk).email == "dana@example.org"

    def test_keeping_the_comments_shows_them_under_former_reader(self) -> None:
        self.erase(remove=False)
        comment = Comment.objects.get(pk=self.comment.pk)
        assert comment.body == "The court should publish its full reasoning."
        assert (comment.author_name, comment.email, comment.ip_hash, comment.user) == (
            "",
            "",
            "",
            None,
        )
        page = self.client.get(self.thread.article.get_absolute_url()).content.decode()
        assert "Former reader" in page
        assert "The court should publish its full reasoning." in page

    def test_removing_the_comments_takes_them_out_and_keeps_the_count_right(self) -> None:
        self.thread.refresh_from_db()
        published_before = self.thread.comment_count
        self.erase(remove=True)
        comment = Comment.objects.get(pk=self.comment.pk)
        assert (comment.state, comment.body) == (Comment.State.DELETED, "")
        assert not comment.revisions.exists()
        self.thread.refresh_from_db()
        assert self.thread.comment_count == published_before - 1
        assert (
            self.thread.comment_count
            == Comment.objects.published().filter(thread=self.thread).count()
        )

    def test_addresses_hashes_and_the_subscription_go_at_once(self) -> None:
        self.erase(remove=False)
        assert not ReplySubscription.objects.filter(email__iexact="dana@example.org").exists()
        assert not Comment.objects.filter(ip_hash="ip-dana").exists()
        assert not CommentLike.objects.filter(ip_hash="ip-dana").exists()
        assert not Notice.objects.filter(email__iexact="dana@example.org").exists()
        assert not Report.objects.filter(reporter__isnull=False).exists()
        assert not Appeal.objects.exclude(email="").exists()

    def test_votes_and_likes_still_count_but_name_nobody(self) -> None:
        tallies = list(Tally.objects.values_list("count", flat=True))
        self.erase(remove=True)
        assert list(Tally.objects.values_list("count", flat=True)) == tallies
        assert not Vote.objects.filter(reader_key=f"user:{self.reader.pk}").exists()
        self.others_comment.refresh_from_db()
        assert self.others_comment.like_count == 1
        assert self.others_comment.likes.get().user is None

    def test_an_account_the_audit_log_names_is_kept_as_a_former_account(self) -> None:
        self.erase(remove=False)
        former = User.objects.get(pk=self.reader.pk)
        assert (former.username, former.email, former.is_active) == (
            f"former-{former.pk}",
            "",
            False,
        )
        assert not former.has_usable_password()
        assert former.public_name == "Former reader"

    def test_an_account_nothing_names_is_deleted(self) -> None:
        quiet = UserFactory(username="quiet@example.org", email="quiet@example.org")
        post_comment(thread=self.thread, **posting_as("Quiet", user=quiet), body="A quiet remark.")
        erasure = erase_personal_data(subject=DataSubject.account(quiet), remove_comments=False)
        assert erasure.account_deleted
        assert not User.objects.filter(pk=quiet.pk).exists()

    def test_every_session_of_the_account_ends(self) -> None:
        other_device = Client()
        other_device.force_login(self.reader)
        assert other_device.get(reverse("accounts:profile")).status_code == 200
        self.erase(remove=False)
        assert other_device.get(reverse("accounts:profile")).status_code == 302
        assert self.client.get(reverse("accounts:profile")).status_code == 302

    def test_sanctions_stay_on_record_without_naming_the_account(self) -> None:
        ended = SanctionFactory(
            user=self.reader,
            email="dana@example.org",
            ip_hash="ip-dana",
            starts_at=timezone.now() - timezone.timedelta(days=30),
            ends_at=timezone.now() - timezone.timedelta(days=23),
            decided_by=self.moderator,
            clause=self.attacks,
        )
        self.erase(remove=False)
        ended.refresh_from_db()
        assert (ended.user, ended.email, ended.ip_hash) == (None, "", "")
        assert ended.subject_minimised_at is not None

    def test_a_sanction_in_force_keeps_the_address_it_was_made_against(self) -> None:
        ban = SanctionFactory(
            kind=Sanction.Kind.BAN,
            ends_at=None,
            user=self.reader,
            email="dana@example.org",
            decided_by=self.moderator,
            clause=self.attacks,
        )
        self.erase(remove=False)
        ban.refresh_from_db()
        assert (ban.user, ban.email) == (None, "dana@example.org")

    def test_the_audit_log_keeps_its_entries_and_still_verifies(self) -> None:
        before = AuditEntry.objects.count()
        self.erase(remove=True)
        assert AuditEntry.objects.count() == before + 1
        erasure = AuditEntry.objects.get(event=AuditEntry.Event.ERASURE_CARRIED_OUT)
        assert (erasure.actor, erasure.actor_component) == (None, "reader")
        assert erasure.outcome == "comments_removed"
        out = io.StringIO()
        call_command("verify_audit_log", stdout=out)
        assert "audit log entries verify" in out.getvalue()

    def test_the_transparency_figures_do_not_change(self) -> None:
        month = timezone.localdate().replace(day=1)
        before = dataclasses.asdict(transparency.month_report("en", month))
        self.erase(remove=True)
        assert dataclasses.asdict(transparency.month_report("en", month)) == before


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class GuestTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.thread = ThreadFactory()
        cls.comment = post(
            cls.thread, "Guests can read the ruling too.", name="Aigerim", anonymous_id="aig"
        )
        Comment.objects.filter(pk=cls.comment.pk).update(email="aigerim@example.org")
        cls.anonymous = post(cls.thread, "No address given here.", name="Timur", anonymous_id="t")
        cast_reaction(
            target=PollTarget.for_article(cls.thread.article),
            reader=Reader.anonymous("aig"),
            choice="no",
        )

    def ask(self, email: str) -> str:
        response = self.client.post(reverse("moderation:ask_for_data"), {"email": email})
        assert response.status_code == 200
        return response.content.decode()

    def mailed_link(self) -> str:
        (message,) = mail.outbox
        assert message.to == ["aigerim@example.org"]
        found = re.search(r"https?://\S+/my-data/\S+/", message.body)
        assert found is not None
        return urlsplit(found.group(0)).path

    def test_the_form_asks_for_the_address_the_guest_commented_with(self) -> None:
        page = self.client.get(reverse("moderation:ask_for_data"))
        assert page.status_code == 200
        assert 'name="email"' in page.content.decode()

    def test_a_malformed_address_is_refused_with_a_message(self) -> None:
        response = self.client.post(reverse("moderation:ask_for_data"), {"email": "not-an-address"})
        assert response.status_code == 400
        assert "Enter a valid email address" in response.content.decode()
        assert not mail.outbox

    def test_a_known_and_an_unknown_address_get_the_same_answer(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            known = self.ask("Aigerim@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            unknown = self.ask("nobody@example.org")
        assert known == unknown
        assert len(mail.outbox) == 1

    def test_the_mailed_link_downloads_the_guests_data(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.ask("aigerim@example.org")
        page = self.client.get(self.mailed_link())
        assert page.status_code == 200
        document = json.loads(self.client.get(self.mailed_link() + "data.json").content)
        assert document["about"] == "email"
        assert [c["text"] for c in document["comments"]] == ["Guests can read the ruling too."]
        assert [v["answer"] for v in document["votes"]] == ["no"]
        assert "Timur" not in json.dumps(document, ensure_ascii=False)

    def test_the_mailed_link_erases_and_then_no_longer_works(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            self.ask("aigerim@example.org")
        link = self.mailed_link()
        response = self.client.post(link, {"comments": "keep"})
        assert response.status_code == 200
        self.comment.refresh_from_db()
        assert (self.comment.email, self.comment.author_name) == ("", "")
        assert self.client.get(link).status_code == 404

    def test_an_account_reads_what_was_written_under_its_address_only_once_confirmed(
        self,
    ) -> None:
        report_comment(
            comment=self.anonymous,
            clause=Clause.objects.get(version__number=1, key="attacks"),
            reporter_key="anon:aig",
            reporter_email="aigerim@example.org",
        )
        account = UserFactory(username="aigerim@example.org", email="aigerim@example.org")
        assert personal_data(DataSubject.account(account))["reports"] == []
        assert personal_data(DataSubject.account(account))["comments"] == []
        account.email_verified_at = timezone.now()
        confirmed = personal_data(DataSubject.account(account))
        assert len(confirmed["reports"]) == 1
        assert [c["id"] for c in confirmed["comments"]] == [self.comment.pk]

    def test_a_forged_link_is_not_found(self) -> None:
        assert self.client.get(reverse("moderation:guest_data", args=["forged"])).status_code == 404

    def test_the_status_link_downloads_that_comments_data_only(self) -> None:
        url = reverse("moderation:comment_data", args=[links.comment_token(self.anonymous.pk)])
        response = self.client.get(url)
        assert response["Content-Disposition"].startswith("attachment")
        document = json.loads(response.content)
        assert [c["id"] for c in document["comments"]] == [self.anonymous.pk]
        assert document["votes"] == []

    def test_the_status_page_links_to_the_download(self) -> None:
        token = links.comment_token(self.anonymous.pk)
        page = self.client.get(reverse("moderation:comment_status", args=[token]))
        assert reverse("moderation:comment_data", args=[token]) in page.content.decode()

    def test_asking_too_often_is_refused_with_a_message(self) -> None:
        rates = {"data_request": {"ip": "1/3600"}}
        with override_settings(GAZETTE_CHALLENGES={"RATES": rates}):
            self.ask("aigerim@example.org")
            response = self.client.post(
                reverse("moderation:ask_for_data"), {"email": "aigerim@example.org"}
            )
        assert response.status_code == 429
        assert response["Retry-After"]


class StaffRequestTests(ReaderRecordTestCase):
    def setUp(self) -> None:
        self.officer = staff_in(MODERATOR, display_name="Data officer")
        self.officer.user_permissions.add(
            Permission.objects.get(codename="carry_out_data_requests"),
            *Permission.objects.filter(content_type__app_label="accounts"),
        )
        self.client.force_login(User.objects.get(pk=self.officer.pk))

    def act(self, action: str, **extra: str):
        data = {"action": action, "_selected_action": [str(self.reader.pk)], **extra}
        return self.client.post(reverse("admin:accounts_user_changelist"), data)

    def test_staff_download_a_readers_data_and_the_request_is_logged(self) -> None:
        response = self.act("download_data")
        assert response["Content-Disposition"].startswith("attachment")
        assert json.loads(response.content)["account"]["email"] == "dana@example.org"
        entry = AuditEntry.objects.get(event=AuditEntry.Event.DATA_PROVIDED)
        assert entry.actor_id == self.officer.pk

    def test_staff_carry_out_an_erasure_after_confirming_and_it_is_logged(self) -> None:
        confirm = self.act("carry_out_erasure")
        assert confirm.status_code == 200
        assert User.objects.get(pk=self.reader.pk).email == "dana@example.org"
        self.act("carry_out_erasure", comments="keep", confirm="Erase")
        assert User.objects.get(pk=self.reader.pk).email == ""
        entry = AuditEntry.objects.get(event=AuditEntry.Event.ERASURE_CARRIED_OUT)
        assert (entry.actor_id, entry.outcome) == (self.officer.pk, "comments_kept")

    def test_without_the_permission_the_actions_are_not_offered(self) -> None:
        self.officer.user_permissions.remove(
            Permission.objects.get(codename="carry_out_data_requests")
        )
        self.client.force_login(User.objects.get(pk=self.officer.pk))
        page = self.client.get(reverse("admin:accounts_user_changelist")).content.decode()
        assert "carry_out_erasure" not in page
