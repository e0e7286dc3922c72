"""Pre- and post-moderation: site-wide, per section and per article; trusted authors; what the
reader, the desk and the admin see."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from gazette.comments.models import Comment, Thread
from gazette.comments.services import AuthorProof, edit_comment, thread_for_article
from gazette.moderation import desk, modes
from gazette.moderation.models import AuditEntry, ModerationMode, ModerationSettings
from gazette.moderation.roles import EDITOR, MODERATOR
from gazette.moderation.screening.verdict import screen
from gazette.moderation.services import decisions
from tests.comments.helpers import GENEROUS_RATES, comment_check
from tests.factories import ArticleFactory, CommentFactory, SectionFactory, UserFactory
from tests.moderation.factories import SanctionFactory, post, staff_in
from tests.moderation.screening.helpers import submission_of
from tests.moderation.test_queue_views import queue_url

HELD = "Held: this discussion is pre-moderated."


def set_site_mode(mode, **fields):
    ModerationSettings.objects.filter(pk=1).update(mode=mode, **fields)


class ModesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        ModerationSettings.objects.create(pk=1, profanity_threshold=0)
        cls.section = SectionFactory()
        cls.article = ArticleFactory(section=cls.section)
        cls.neighbour = ArticleFactory(
            section=cls.section, headline="Border guards seize forged permits"
        )
        cls.elsewhere = ArticleFactory()

    def comment_on(self, article, body="The court should publish its reasoning.", **author):
        return post(thread_for_article(article), body, **author)


class ModeScreeningTests(ModesTestCase):
    def test_post_moderation_publishes_a_new_comment(self):
        comment = self.comment_on(self.article)
        assert (comment.state, comment.screening_reasons) == ("published", [])

    def test_site_wide_premoderation_holds_a_new_comment_and_records_why(self):
        set_site_mode("pre")
        comment = self.comment_on(self.article)
        assert (comment.state, comment.screening_reasons) == ("pending", [HELD])
        assert Thread.objects.get(pk=comment.thread_id).comment_count == 0
        entry = AuditEntry.objects.get(event=AuditEntry.Event.SCREENED)
        assert entry.outcome == "hold"

    def test_section_override_wins_over_the_site(self):
        ModerationMode.objects.create(section=self.section, mode="pre")
        assert self.comment_on(self.article).state == "pending"
        assert self.comment_on(self.neighbour).state == "pending"
        assert self.comment_on(self.elsewhere).state == "published"

    def test_section_in_post_moderation_publishes_under_a_premoderated_site(self):
        set_site_mode("pre")
        ModerationMode.objects.create(section=self.section, mode="post")
        assert self.comment_on(self.article).state == "published"
        assert self.comment_on(self.elsewhere).state == "pending"

    def test_article_override_wins_over_its_section(self):
        ModerationMode.objects.create(section=self.section, mode="pre")
        ModerationMode.objects.create(article=self.article, mode="post")
        assert self.comment_on(self.article).state == "published"
        assert self.comment_on(self.neighbour).state == "pending"

    def test_premoderated_article_in_a_post_moderated_section(self):
        ModerationMode.objects.create(section=self.section, mode="post")
        ModerationMode.objects.create(article=self.article, mode="pre")
        assert self.comment_on(self.article).state == "pending"
        assert self.comment_on(self.neighbour).state == "published"

    def test_discussion_that_is_no_article_follows_the_site(self):
        ModerationMode.objects.create(section=self.section, mode="pre")
        page = "https://example.org/a"
        verdict = screen(submission_of("A fair point.", thread=page))
        assert verdict.action == "publish"
        set_site_mode("pre")
        verdict = screen(submission_of("Another point.", thread=page))
        assert (verdict.action, verdict.reasons) == ("hold", [HELD])

    def test_other_findings_hold_with_their_own_reasons_only(self):
        set_site_mode("pre")
        links = "See https://a.example http://b.example www.c.example"
        comment = self.comment_on(self.article, links)
        assert comment.state == "pending"
        assert HELD not in comment.screening_reasons
        assert "3 links" in comment.screening_reasons[0]

    def test_a_mode_that_cannot_be_read_holds(self):
        thread_for_article(self.article)
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE moderation_moderationmode")
        verdict = screen(submission_of("A fair point.", thread=f"article:{self.article.pk}"))
        assert (verdict.action, verdict.reasons) == (
            "hold",
            ["Held: the moderation mode could not be read."],
        )

    def test_a_mode_that_is_no_known_mode_holds(self):
        ModerationMode.objects.create(article=self.article, mode="pre")
        ModerationMode.objects.filter(article=self.article).update(mode="soon")
        assert self.comment_on(self.article).state == "pending"


class PendingQueueTests(ModesTestCase):
    def test_held_only_for_premoderation_waits_under_pending_in_any_edition(self):
        ModerationMode.objects.create(article=self.article, mode="pre")
        with translation.override("ru"):
            russian = self.comment_on(self.article, "Суд отложил заседание.")
        english = self.comment_on(self.article, "The hearing was adjourned.", anonymous_id="r2")
        ruled = self.comment_on(self.article, "Visit https://a.example https://b.example www.c.ex")
        assert russian.screening_reasons == ["Задержан: в этом обсуждении действует предмодерация."]
        pending = desk.queue_comments(desk.Queue.PENDING, desk.Filters())
        held = desk.queue_comments(desk.Queue.HELD, desk.Filters())
        assert (list(pending), list(held)) == ([russian, english], [ruled])


class EditScreeningTests(ModesTestCase):
    def test_edit_in_a_premoderated_discussion_is_held_like_a_new_comment(self):
        reader = UserFactory()
        comment = self.comment_on(self.article, name=reader.username, user=reader)
        assert comment.state == "published"
        ModerationMode.objects.create(article=self.article, mode="pre")
        edited = edit_comment(
            comment_id=comment.pk, proof=AuthorProof(user_id=reader.pk), body="On reflection, no."
        )
        assert (edited.state, edited.screening_reasons) == ("pending", [HELD])
        assert Thread.objects.get(pk=comment.thread_id).comment_count == 0

    def test_edit_by_a_trusted_author_stays_published(self):
        reader = UserFactory()
        CommentFactory.create_batch(3, user=reader, thread=thread_for_article(self.elsewhere))
        comment = self.comment_on(self.article, name=reader.username, user=reader)
        ModerationMode.objects.create(article=self.article, mode="pre")
        edited = edit_comment(
            comment_id=comment.pk, proof=AuthorProof(user_id=reader.pk), body="On reflection, no."
        )
        assert edited.state == "published"


class TrustedAuthorTests(ModesTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        ModerationSettings.objects.filter(pk=1).update(mode="pre", trusted_threshold=3)
        cls.reader = UserFactory()
        cls.earlier = thread_for_article(cls.elsewhere)

    def published_by_reader(self, count, **fields):
        fields.setdefault("user", self.reader)
        return CommentFactory.create_batch(count, thread=self.earlier, **fields)

    def comment_by_reader(self):
        return self.comment_on(self.article, name=self.reader.username, user=self.reader)

    def test_author_with_enough_published_comments_skips_premoderation(self):
        self.published_by_reader(3)
        comment = self.comment_by_reader()
        assert (comment.state, comment.screening_reasons) == ("published", [])

    def test_author_with_fewer_published_comments_is_held(self):
        self.published_by_reader(2)
        assert self.comment_by_reader().state == "pending"

    def test_held_removed_and_deleted_comments_do_not_count(self):
        self.published_by_reader(2)
        for state in ("pending", "removed", "deleted"):
            self.published_by_reader(1, state=state)
        assert self.comment_by_reader().state == "pending"

    def test_another_readers_comments_do_not_count(self):
        self.published_by_reader(3, user=UserFactory())
        assert self.comment_by_reader().state == "pending"

    def test_sanctioned_author_is_held_whatever_their_record(self):
        self.published_by_reader(5)
        SanctionFactory(kind="warning", user=self.reader, ends_at=None)
        assert self.comment_by_reader().state == "pending"

    def test_a_sanction_long_over_still_costs_trust(self):
        self.published_by_reader(5)
        SanctionFactory(
            user=self.reader,
            starts_at=timezone.now() - timedelta(days=30),
            ends_at=timezone.now() - timedelta(days=23),
        )
        assert self.comment_by_reader().state == "pending"

    def test_a_revoked_sanction_does_not(self):
        self.published_by_reader(5)
        SanctionFactory(user=self.reader, revoked_at=timezone.now())
        assert self.comment_by_reader().state == "published"

    def test_signed_out_author_is_trusted_by_address_hash(self):
        self.published_by_reader(3, user=None, ip_hash="h-trusted")
        trusted = self.comment_on(self.article, "First.", ip_hash="h-trusted")
        stranger = self.comment_on(self.article, "Second.", anonymous_id="r2", ip_hash="h-new")
        assert (trusted.state, stranger.state) == ("published", "pending")

    def test_an_accounts_comments_do_not_make_its_address_trusted(self):
        self.published_by_reader(3, ip_hash="h-shared")
        assert self.comment_on(self.article, ip_hash="h-shared").state == "pending"

    def test_sanctioned_address_is_held(self):
        self.published_by_reader(3, user=None, ip_hash="h-warned")
        SanctionFactory(kind="warning", user=None, ip_hash="h-warned", ends_at=None)
        assert self.comment_on(self.article, ip_hash="h-warned").state == "pending"

    def test_threshold_of_zero_trusts_nobody(self):
        ModerationSettings.objects.filter(pk=1).update(trusted_threshold=0)
        self.published_by_reader(50)
        assert self.comment_by_reader().state == "pending"

    def test_trust_is_read_in_two_queries_however_long_the_record(self):
        self.published_by_reader(40)
        with self.assertNumQueries(2):
            trusted = modes.is_trusted(user_id=self.reader.pk, email="", ip_hash="", threshold=3)
        assert trusted


@override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
class PremoderatedArticlePageTests(ModesTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        ModerationMode.objects.create(section=cls.section, mode="pre")
        cls.moderator = staff_in(MODERATOR)

    def post_form(self, body="The ruling is worth reading in full."):
        data = {"name": "Dana", "body": body, "accept_policy": "on", **comment_check(self.article)}
        url = reverse("comments:post", kwargs={"article_pk": self.article.pk})
        return self.client.post(url, data, follow=True)

    def test_author_is_told_the_comment_awaits_moderation(self):
        response = self.post_form()
        self.assertContains(response, "Your comment is held for review and will appear once")
        assert Comment.objects.get().state == "pending"

    def test_held_comment_is_not_shown_to_other_readers_until_approved(self):
        self.post_form()
        comment = Comment.objects.get()
        page = self.client_class().get(self.article.get_absolute_url()).content.decode()
        assert "worth reading in full" not in page
        assert "0 Comments" in page
        decisions.approve_comment(comment=comment, actor=self.moderator)
        page = self.client_class().get(self.article.get_absolute_url()).content.decode()
        assert "worth reading in full" in page
        assert "1 Comment" in page
        assert Thread.objects.get(pk=comment.thread_id).comment_count == 1

    def test_desk_lists_the_comment_under_pending_with_its_reason_and_mode(self):
        self.post_form()
        self.client.force_login(self.moderator)
        response = self.client.get(queue_url("pending"))
        self.assertContains(response, "worth reading in full")
        self.assertContains(response, HELD)
        self.assertContains(response, "Pre-moderation (set for this section)")
        held = self.client.get(queue_url("held"))
        assert held.context["page"].object_list == []


class ModerationModeAdminTests(ModesTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.superuser = UserFactory(username="chief", is_staff=True, is_superuser=True)
        cls.mode = ModerationMode.objects.create(article=cls.article, mode="pre", note="Trial")

    def test_change_pages_open_for_a_superuser(self):
        self.client.force_login(self.superuser)
        mode = self.client.get(
            reverse("admin:moderation_moderationmode_change", args=[self.mode.pk])
        )
        listing = self.client.get(reverse("admin:moderation_moderationmode_changelist"))
        conf = self.client.get(reverse("admin:moderation_moderationsettings_change", args=[1]))
        assert (mode.status_code, listing.status_code, conf.status_code) == (200, 200, 200)
        self.assertContains(listing, f"Article: {self.article.headline}")
        self.assertContains(conf, "trusted_threshold")
        self.assertContains(conf, "Pre-moderation: hold every comment until approved")

    def test_listing_filters_by_mode(self):
        ModerationMode.objects.create(section=self.section, mode="post")
        self.client.force_login(self.superuser)
        url = reverse("admin:moderation_moderationmode_changelist") + "?mode__exact=post"
        response = self.client.get(url)
        self.assertContains(response, f"Section: {self.section.name}")
        self.assertNotContains(response, f"Article: {self.article.headline}")

    def test_article_is_found_by_autocomplete(self):
        self.client.force_login(self.superuser)
        response = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "moderation",
                "model_name": "moderationmode",
                "field_name": "article",
                "term": self.neighbour.headline,
            },
        )
        assert [row["id"] for row in response.json()["results"]] == [str(self.neighbour.pk)]

    def test_editor_sets_premoderation_on_a_section(self):
        self.client.force_login(staff_in(EDITOR))
        response = self.client.post(
            reverse("admin:moderation_moderationmode_add"),
            {"mode": "pre", "section": self.section.pk, "article": "", "note": ""},
        )
        assert response.status_code == 302
        assert ModerationMode.objects.get(section=self.section).mode == "pre"

    def test_both_a_section_and_an_article_are_refused(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            reverse("admin:moderation_moderationmode_add"),
            {"mode": "pre", "section": self.section.pk, "article": self.neighbour.pk},
        )
        self.assertContains(response, "Choose a section or an article, not both.")
        assert ModerationMode.objects.count() == 1

    def test_a_second_mode_for_the_same_article_is_refused(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            reverse("admin:moderation_moderationmode_add"),
            {"mode": "post", "section": "", "article": self.article.pk},
        )
        self.assertContains(response, "This article already has a moderation mode.")
        assert ModerationMode.objects.count() == 1

    def test_site_wide_mode_and_threshold_are_saved_from_the_settings_page(self):
        self.client.force_login(self.superuser)
        url = reverse("admin:moderation_moderationsettings_change", args=[1])
        form = self.client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update(mode="pre", trusted_threshold=5)
        data.pop("updated_at", None)
        response = self.client.post(url, data)
        assert response.status_code == 302
        conf = ModerationSettings.objects.get()
        assert (conf.mode, conf.trusted_threshold) == ("pre", 5)
