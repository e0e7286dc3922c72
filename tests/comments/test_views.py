import re
from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from gazette.comments import services
from gazette.comments.models import Comment, CommentLike, Thread
from tests.comments.helpers import GENEROUS_RATES, HELD, comment_check, posting_as
from tests.factories import ArticleFactory, UserFactory, as_returning_reader, identified
from tests.querycounts import plus_cache_reads

GENEROUS = override_settings(GAZETTE_CHALLENGES={"RATES": GENEROUS_RATES})
JSON = {"HTTP_ACCEPT": "application/json"}


def form_data(article, **overrides):
    """The comment form under `article`, filled as a person would (its Captcha fetched there)."""
    data = {
        "name": "Dana",
        "email": "dana@example.org",
        "body": "The *ruling* is worth reading in full.",
        "accept_policy": "on",
        **comment_check(article),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def seed(thread, count, **kwargs):
    """`count` published top-level comments, a second apart, oldest first."""
    start = timezone.now() - timedelta(hours=1)
    comments = []
    for number in range(count):
        comment = services.post_comment(
            thread=thread,
            **posting_as(name=f"Reader {number}", anonymous_id=f"r{number}"),
            body=f"Comment number {number}.",
            **kwargs,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=start + timedelta(seconds=number))
        comments.append(comment)
    return comments


def comment_ids_in(html):
    return [int(value) for value in re.findall(r'data-comment="(\d+)"', html)]


@GENEROUS
class PostCommentViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})

    def test_article_page_shows_count_policy_link_and_form(self):
        response = self.client.get(self.article.get_absolute_url())
        html = response.content.decode()
        assert "0 Comments" in html
        assert reverse("moderation:policy") in html  # the moderation app's Comment Policy
        assert 'name="accept_policy"' in html
        assert 'name="altcha"' in html

    def test_posting_without_javascript_redirects_to_the_comment(self):
        response = self.client.post(self.url, form_data(self.article))
        comment = Comment.objects.get()
        assert response.status_code == 302
        assert response["Location"] == comment.get_absolute_url()
        page = self.client.get(response["Location"], follow=True)
        html = page.content.decode()
        assert "1 Comment" in html
        assert "<em>ruling</em>" in html
        assert "dana@example.org" not in html
        assert comment.abuse_signals["difficulty"] > 0
        assert comment.policy_version == "1"
        assert len(comment.ip_hash) == 32

    def test_policy_must_be_accepted(self):
        response = self.client.post(self.url, form_data(self.article, accept_policy=None))
        assert response.status_code == 400
        assert "read the Comment Policy" in response.content.decode()
        assert not Comment.objects.exists()

    def test_captcha_is_required(self):
        response = self.client.post(self.url, form_data(self.article, altcha=""))
        assert response.status_code == 400
        assert not Comment.objects.exists()

    def test_a_captcha_solved_under_another_article_is_refused(self):
        other = ArticleFactory()
        response = self.client.post(self.url, form_data(self.article, **comment_check(other)))
        self.assertContains(response, "made for another form", status_code=400)
        assert not Comment.objects.exists()

    def test_the_form_fetches_its_captcha_for_its_own_article(self):
        html = self.client.get(self.article.get_absolute_url()).content.decode()
        assert f'challengeurl="/challenges/new/?for=comment%3A{self.article.pk}"' in html

    def test_name_is_required_for_anonymous_readers(self):
        response = self.client.post(self.url, form_data(self.article, name=""))
        assert response.status_code == 400
        assert "give a name" in response.content.decode()
        assert not Comment.objects.exists()

    def test_empty_body_is_refused(self):
        response = self.client.post(self.url, form_data(self.article, body="   "))
        assert response.status_code == 400
        assert not Comment.objects.exists()

    @override_settings(GAZETTE_COMMENT_MAX_LENGTH=30)
    def test_oversized_body_is_refused(self):
        response = self.client.post(self.url, form_data(self.article, body="x" * 31))
        assert response.status_code == 400
        assert "at most 30 characters" in response.content.decode()
        assert not Comment.objects.exists()

    def test_unknown_parent_is_a_form_error(self):
        response = self.client.post(self.url, form_data(self.article, parent="99999"))
        assert response.status_code == 400
        assert "does not exist in this discussion" in response.content.decode()
        assert not Comment.objects.exists()

    def test_notifications_for_an_unverified_account_are_refused(self):
        self.client.force_login(UserFactory())
        response = self.client.post(self.url, form_data(self.article, notify="on"))
        assert response.status_code == 400
        assert "Verify your account" in response.content.decode()
        assert not Comment.objects.exists()

    def test_signed_in_reader_posts_under_their_account_name(self):
        user = UserFactory(display_name="Aigerim")
        self.client.force_login(user)
        self.client.post(self.url, form_data(self.article, name=None, email=None))
        comment = Comment.objects.get()
        assert (comment.user, comment.author_name) == (user, "Aigerim")

    def test_double_submit_creates_one_comment(self):
        self.client.post(self.url, form_data(self.article))
        self.client.post(self.url, form_data(self.article))
        assert Comment.objects.count() == 1
        assert Thread.objects.get().comment_count == 1

    def test_honeypot_holds_the_comment_for_review(self):
        response = self.client.post(
            self.url, form_data(self.article, homepage="http://spam.example")
        )
        comment = Comment.objects.get()
        assert comment.state == Comment.State.PENDING
        assert response["Location"].endswith("#comments")
        page = self.client.get(self.article.get_absolute_url())
        assert "held for review" in page.content.decode()
        assert "The <em>ruling</em>" not in page.content.decode()

    def test_draft_article_takes_no_comments(self):
        draft = ArticleFactory(status="draft", published_at=None)
        url = reverse("comments:post", kwargs={"article_pk": draft.pk})
        assert self.client.post(url, form_data(draft)).status_code == 404

    def test_closed_thread_shows_why_and_accepts_nothing(self):
        thread = services.thread_for_article(self.article)
        services.close_thread(thread=thread, reason="Comments are closed during the trial.")
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "Comments are closed during the trial." in page
        assert 'name="accept_policy"' not in page
        response = self.client.post(self.url, form_data(self.article))
        assert response.status_code == 400
        assert not Comment.objects.exists()

    @override_settings(GAZETTE_COMMENTS_REQUIRE_SIGN_IN=True)
    def test_sign_in_can_be_required(self):
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert reverse("accounts:login") in page
        assert self.client.post(self.url, form_data(self.article)).status_code == 400
        assert not Comment.objects.exists()

    @override_settings(
        GAZETTE_CHALLENGES={
            "RATES": {**GENEROUS_RATES, "comment": {"reader": "1/600", "ip": "9/600"}}
        }
    )
    def test_too_many_comments_are_refused_with_429(self):
        self.client.post(self.url, form_data(self.article))
        response = self.client.post(self.url, form_data(self.article, body="Another thought."))
        assert response.status_code == 429
        assert "Retry-After" in response
        assert Comment.objects.count() == 1


@GENEROUS
class InPlaceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})

    def test_json_post_returns_the_rendered_comment(self):
        response = self.client.post(self.url, form_data(self.article), **JSON)
        data = response.json()
        assert response.status_code == 201
        assert data["count"] == 1
        assert data["count_label"] == "1 Comment"
        assert f'id="comment-{data["id"]}"' in data["html"]
        assert "dana@example.org" not in response.content.decode()

    def test_json_reply_names_its_parent(self):
        parent = seed(services.thread_for_article(self.article), 1)[0]
        response = self.client.post(
            self.url, form_data(self.article, parent=str(parent.pk)), **JSON
        )
        assert response.json()["parent"] == parent.pk

    def test_json_errors(self):
        response = self.client.post(self.url, form_data(self.article, body=""), **JSON)
        assert response.status_code == 400
        assert "body" in response.json()["errors"]

    def test_like_in_place_once_per_reader(self):
        comment = seed(services.thread_for_article(self.article), 1)[0]
        url = reverse("comments:like", kwargs={"pk": comment.pk})
        identified(self.client)
        first = self.client.post(url, {"liked": "on"}, **JSON).json()
        second = self.client.post(url, {"liked": "on"}, **JSON).json()
        assert first == second == {"liked": True, "count": 1, "label": "Liked"}
        assert CommentLike.objects.count() == 1

    def test_like_without_javascript_redirects_back(self):
        comment = seed(services.thread_for_article(self.article), 1)[0]
        identified(self.client)
        response = self.client.post(
            reverse("comments:like", kwargs={"pk": comment.pk}), {"liked": "on"}
        )
        assert response["Location"] == comment.get_absolute_url()
        comment.refresh_from_db()
        assert comment.like_count == 1
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert 'aria-pressed="true"' in page


@GENEROUS
class EditAndDeleteViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})

    def setUp(self):
        self.client.post(self.url, form_data(self.article))
        self.comment = Comment.objects.get()

    def test_author_sees_edit_links_and_can_edit(self):
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        edit_url = reverse("comments:edit", kwargs={"pk": self.comment.pk})
        assert edit_url in page
        response = self.client.post(edit_url, {"body": "Corrected **text**."})
        assert response.status_code == 302
        self.comment.refresh_from_db()
        assert self.comment.body_html == "<p>Corrected <strong>text</strong>.</p>"
        assert self.comment.revisions.count() == 1

    def test_another_browser_cannot_edit(self):
        other = self.client_class()
        edit_url = reverse("comments:edit", kwargs={"pk": self.comment.pk})
        assert other.get(edit_url).status_code == 404
        assert other.post(edit_url, {"body": "Hijacked."}).status_code == 404
        page = other.get(self.article.get_absolute_url()).content.decode()
        assert edit_url not in page

    def test_edit_after_the_window_is_refused(self):
        Comment.objects.filter(pk=self.comment.pk).update(
            created_at=timezone.now() - timedelta(minutes=20)
        )
        edit_url = reverse("comments:edit", kwargs={"pk": self.comment.pk})
        response = self.client.post(edit_url, {"body": "Too late."})
        assert response.status_code == 400
        assert "has passed" in response.content.decode()

    def test_deleted_comment_with_replies_leaves_a_placeholder(self):
        thread = Thread.objects.get()
        services.post_comment(
            thread=thread,
            **posting_as(name="Erlan", anonymous_id="e"),
            body="A reply that stays.",
            parent_id=self.comment.pk,
        )
        delete_url = reverse("comments:delete", kwargs={"pk": self.comment.pk})
        assert self.client.get(delete_url).status_code == 200
        self.client.post(delete_url)
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "Comment deleted." in page
        assert "A reply that stays." in page
        assert "The <em>ruling</em>" not in page
        assert "1 Comment" in page

    def test_deleted_comment_without_replies_disappears(self):
        self.client.post(reverse("comments:delete", kwargs={"pk": self.comment.pk}))
        page = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "Comment deleted." not in page
        assert "0 Comments" in page


@override_settings(GAZETTE_COMMENTS_PER_PAGE=2)
class ThreadPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.thread = services.thread_for_article(cls.article)
        cls.comments = seed(cls.thread, 5)

    def test_oldest_first_by_default_and_paginated(self):
        first = self.client.get(self.article.get_absolute_url()).content.decode()
        second = self.client.get(self.article.get_absolute_url() + "?cpage=2").content.decode()
        assert comment_ids_in(first) == [c.pk for c in self.comments[:2]]
        assert comment_ids_in(second) == [c.pk for c in self.comments[2:4]]
        assert "5 Comments" in first

    def test_newest_first(self):
        page = self.client.get(self.article.get_absolute_url() + "?csort=newest").content.decode()
        assert comment_ids_in(page) == [self.comments[4].pk, self.comments[3].pk]

    def test_most_liked_first(self):
        Comment.objects.filter(pk=self.comments[3].pk).update(like_count=7)
        page = self.client.get(self.article.get_absolute_url() + "?csort=liked").content.decode()
        assert comment_ids_in(page)[0] == self.comments[3].pk

    def test_permalink_opens_the_page_with_the_comment(self):
        response = self.client.get(self.comments[4].get_absolute_url())
        assert response["Location"] == (
            f"{self.article.get_absolute_url()}?cpage=3#comment-{self.comments[4].pk}"
        )
        page = self.client.get(response["Location"]).content.decode()
        assert f'id="comment-{self.comments[4].pk}"' in page

    def test_permalink_of_a_reply_opens_its_root_page(self):
        reply = services.post_comment(
            thread=self.thread,
            **posting_as(name="Erlan", anonymous_id="e"),
            body="Reply.",
            parent_id=self.comments[2].pk,
        )
        response = self.client.get(reply.get_absolute_url())
        assert response["Location"].endswith(f"?cpage=2#comment-{reply.pk}")

    def test_permalink_of_a_held_comment_is_not_found(self):
        held = seed(self.thread, 1, human_check=HELD)[0]
        assert self.client.get(held.get_absolute_url()).status_code == 404

    def test_load_more_fragment(self):
        url = reverse("comments:page", kwargs={"article_pk": self.article.pk}) + "?cpage=3"
        html = self.client.get(url).content.decode()
        assert comment_ids_in(html) == [self.comments[4].pk]
        assert "<html" not in html

    def test_listing_pages_show_published_counts(self):
        seed(self.thread, 1, human_check=HELD)
        other = ArticleFactory(section=self.article.section)
        html = self.client.get(self.article.section.get_absolute_url()).content.decode()
        assert "5 Comments" in html
        assert "0 Comments" in html
        assert other.headline in html


@override_settings(GAZETTE_ARTICLE_PANELS=["comments/panel.html"], GAZETTE_COMMENTS_PER_PAGE=50)
class QueryBoundTests(TestCase):
    """A thread page costs the same number of queries whatever the thread's length."""

    def article_with(self, roots, replies_each):
        article = ArticleFactory()
        thread = services.thread_for_article(article)
        for root in seed(thread, roots):
            for number in range(replies_each):
                services.post_comment(
                    thread=thread,
                    **posting_as(name="R", anonymous_id=f"x{root.pk}-{number}"),
                    body=f"Reply {number}.",
                    parent_id=root.pk,
                )
        return article

    def test_six_and_sixty_comments_take_the_same_queries(self):
        small, large = self.article_with(3, 1), self.article_with(30, 1)
        as_returning_reader(self.client)
        cold_counts = []
        for article, shown in ((small, 6), (large, 60)):
            self.client.get(article.get_absolute_url())
            # Warm, down from 12. Publishing: article, editions, one cache read (stamp with
            # section menu). Comments: the thread (its version), the closed-section check. The
            # story block, the related stories and the page of comments are this process's
            # copies (another worker reads each from the shared cache once).
            with self.assertNumQueries(plus_cache_reads(4, 1)):
                html = self.client.get(article.get_absolute_url()).content.decode()
            assert len(comment_ids_in(html)) == shown
            # Another order is not cached yet: the comments are read (root count, roots,
            # replies) and kept, in as many queries for 6 comments as for 60.
            with CaptureQueriesContext(connection) as cold:
                html = self.client.get(f"{article.get_absolute_url()}?csort=newest").content
            cold_counts.append(len(cold.captured_queries))
            assert len(comment_ids_in(html.decode())) == shown
        assert cold_counts[0] == cold_counts[1]


@override_settings(GAZETTE_COMMENT_REPLIES_SHOWN=3)
class RepliesCapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.thread = services.thread_for_article(cls.article)
        cls.root, cls.quiet = seed(cls.thread, 2)
        cls.replies = [
            services.post_comment(
                thread=cls.thread,
                **posting_as(name=f"Replier {number}", anonymous_id=f"rep{number}"),
                body=f"Reply number {number}.",
                parent_id=cls.root.pk,
            )
            for number in range(5)
        ]

    def test_a_thread_page_shows_the_first_replies_and_links_to_the_rest(self):
        html = self.client.get(self.article.get_absolute_url()).content.decode()
        shown = [self.root.pk, *[reply.pk for reply in self.replies[:3]], self.quiet.pk]
        assert comment_ids_in(html) == shown
        link = f'href="/en/comments/{self.root.pk}/replies/">2 more replies</a>'
        assert link in html
        assert html.count("more repl") == 1

    def test_the_replies_page_shows_every_reply_without_javascript(self):
        html = self.client.get(f"/en/comments/{self.root.pk}/replies/").content.decode()
        assert comment_ids_in(html) == [self.root.pk, *[reply.pk for reply in self.replies]]
        assert "<script" in html
        assert self.article.get_absolute_url() in html

    def test_a_quiet_comment_has_no_replies_page(self):
        assert self.client.get(f"/en/comments/{self.replies[0].pk}/replies/").status_code == 404

    def test_the_permalink_of_a_later_reply_opens_the_replies_page(self):
        response = self.client.get(self.replies[4].get_absolute_url())
        assert response["Location"] == (
            f"/en/comments/{self.root.pk}/replies/#comment-{self.replies[4].pk}"
        )
        early = self.client.get(self.replies[0].get_absolute_url())
        assert early["Location"].startswith(self.article.get_absolute_url())


@GENEROUS
class DeceivingNameTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})

    def test_invisible_characters_are_dropped_from_the_name(self):
        self.client.post(self.url, form_data(self.article, name="Da\u200bna\ufeff"))
        assert Comment.objects.get().author_name == "Dana"

    def test_a_name_that_reverses_the_text_is_refused_with_a_reason(self):
        response = self.client.post(self.url, form_data(self.article, name="\u202enimdA"))
        self.assertContains(response, "reverse the direction", status_code=400)
        assert not Comment.objects.exists()


@GENEROUS
class ReservedNameTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})

    def test_a_reader_cannot_sign_as_the_newsroom_however_spelt(self):
        for name in [
            "Admin",
            "Editor",
            "Модератор",
            "Редакция",
            "R\u0435d\u0430k\u0441iya",  # with three Cyrillic look-alike letters
            "A d m i n",
            "4dmin",
            "Gazette",
            "Tahririyat",
        ]:
            with self.subTest(name=name):
                response = self.client.post(self.url, form_data(self.article, name=name))
                self.assertContains(response, "kept for the newsroom", status_code=400)
        assert not Comment.objects.exists()

    def test_ordinary_names_are_signed_as_given(self):
        for name in ["Dana", "Administratorova Aigul", "Ediz"]:
            with self.subTest(name=name):
                response = self.client.post(
                    self.url, form_data(self.article, name=name, body=f"Hello from {name}.")
                )
                assert response.status_code == 302


def write_transactions(queries):
    """The write transactions among captured queries, each as the tables it wrote. Inside the
    test's own transaction an atomic block is a savepoint; a write outside one commits alone."""
    transactions, depth = [], 0
    for sql in (query["sql"] for query in queries):
        if sql.startswith("SAVEPOINT"):
            depth += 1
            if depth == 1:
                transactions.append([])
        elif sql.startswith(("RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")):
            depth -= 1
        elif written := re.match(r'(?:INSERT INTO|UPDATE|DELETE FROM) "(\w+)"', sql):
            if depth == 0:
                transactions.append([])
            transactions[-1].append(written.group(1))
    return [tables for tables in transactions if tables]


# The database as shared cache, whatever CACHE_URL says: the counters are then rows, counted here.
DATABASE_CACHE = override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "gazette_cache",
        }
    }
)


@DATABASE_CACHE
class PostingCostTests(TestCase):
    """What one comment costs the database with the Captcha, rate limits, screening and
    moderation all on: a fixed number of queries in two short write transactions."""

    @classmethod
    def setUpTestData(cls):
        # The test database has the cache table only when CACHE_URL names no other cache.
        call_command("createcachetable", verbosity=0)
        cls.article = ArticleFactory()
        cls.url = reverse("comments:post", kwargs={"article_pk": cls.article.pk})

    def form_of(self, number):
        return form_data(
            self.article,
            body=f"Comment {number} on the ruling.",
            **comment_check(self.article, f"10.1.0.{number}"),
        )

    def test_a_comment_takes_a_fixed_number_of_queries_in_two_write_transactions(self):
        # The thread and the moderation settings exist from the first post on.
        self.client.post(self.url, self.form_of(1), REMOTE_ADDR="10.1.0.1")
        self.client.cookies.clear()
        second = self.form_of(2)
        with CaptureQueriesContext(connection) as post:
            response = self.client.post(self.url, second, REMOTE_ADDR="10.1.0.2")
        assert response.status_code == 302
        assert Comment.objects.filter(state=Comment.State.PUBLISHED).count() == 2
        # Before: 66 queries in 8 write transactions (the nudge's two counters, the used
        # challenge, the four activity and rate-limit counters each on its own, the comment).
        # One of the 26 reads the audit log's newest hash, which the entry's own chains to; on
        # PostgreSQL one more takes the lock that orders the writers of that chain. Two write
        # the live update (the new count read back, the event): on PostgreSQL one more locks
        # the event log until commit, so events become visible in the order of their ids.
        locks = 2 * int(connection.vendor == "postgresql")
        assert len(post.captured_queries) == 26 + locks
        assert write_transactions(post.captured_queries) == [
            # The Captcha spent, with the activity counts and the comment rate in one upsert.
            ["challenges_usedchallenge", "challenges_windowcounter"],
            # The comment, screening's audit entry and memory, the thread's count, the live
            # update that tells the page's listeners.
            [
                "comments_comment",
                "moderation_auditentry",
                "moderation_recenttext",
                "comments_thread",
                "live_liveevent",
            ],
        ]

    def test_a_refused_captcha_writes_its_counts_in_one_transaction(self):
        self.client.post(self.url, self.form_of(1), REMOTE_ADDR="10.1.0.1")
        forged = form_data(self.article, altcha="forged")
        with CaptureQueriesContext(connection) as post:
            response = self.client.post(self.url, forged, REMOTE_ADDR="10.1.0.9", **JSON)
        assert response.status_code == 400
        assert "altcha" in response.json()["errors"]
        # The submission and the failure, for the address and site-wide: one statement.
        assert write_transactions(post.captured_queries) == [["challenges_windowcounter"]]


class AuthorStandingTests(TestCase):
    """Guests, account holders, verified readers and staff are told apart in words."""

    @classmethod
    def setUpTestData(cls):
        cls.article = ArticleFactory()
        thread = services.thread_for_article(cls.article)
        unverified = UserFactory(display_name="Bolat")
        verified = UserFactory(display_name="Aigerim", email_verified_at=timezone.now())
        staff = UserFactory(display_name="Erlan", is_staff=True, email_verified_at=timezone.now())
        authors = {
            "guest": posting_as("Verified reader Dana", anonymous_id="guest"),
            "reader": posting_as("", user=unverified),
            "verified": posting_as("", user=verified),
            "staff": posting_as("", user=staff),
        }
        cls.comments = {
            standing: services.post_comment(thread=thread, **author, body=f"As {standing}.")
            for standing, author in authors.items()
        }

    def meta_of(self, html, comment):
        item = re.search(rf'<li [^>]*id="comment-{comment.pk}".*?</p>', html, re.DOTALL)
        return item.group(0)

    def test_each_comment_says_who_wrote_it_in_the_kept_page(self):
        # Twice: the second answer is the page kept for every reader without a cookie.
        for _attempt in range(2):
            html = self.client.get(self.article.get_absolute_url()).content.decode()
            labels = {
                standing: re.findall(r'comment__standing--(\w+)">([^<]+)<', self.meta_of(html, c))
                for standing, c in self.comments.items()
            }
            assert labels == {
                "guest": [("guest", "Guest")],
                "reader": [("reader", "Reader")],
                "verified": [("verified", "Verified reader")],
                "staff": [("staff", "Newsroom staff")],
            }

    def test_the_standing_is_the_one_the_author_had_when_writing(self):
        staff = self.comments["staff"].user
        staff.is_staff = False
        staff.save()
        html = self.client.get(self.article.get_absolute_url()).content.decode()
        assert "Newsroom staff" in self.meta_of(html, self.comments["staff"])

    def test_every_edition_says_it_in_its_language(self):
        russian = ArticleFactory(language="ru", section=self.article.section)
        thread = services.thread_for_article(russian)
        comment = services.post_comment(
            thread=thread, **posting_as("Дана", anonymous_id="ru"), body="Комментарий."
        )
        html = self.client.get(russian.get_absolute_url()).content.decode()
        assert "comment__standing--guest" in self.meta_of(html, comment)
        assert ">Гость<" in self.meta_of(html, comment)


@GENEROUS
class EditionDiscussionsTests(TestCase):
    """Each edition keeps its thread; the page names the others' with their counts."""

    @classmethod
    def setUpTestData(cls):
        cls.original = ArticleFactory(slug="appeal")
        cls.russian = ArticleFactory(
            section=cls.original.section, language="ru", slug="apellyatsiya", original=cls.original
        )
        cls.kazakh = ArticleFactory(
            section=cls.original.section, language="kk", slug="shagym", original=cls.original
        )
        seed(services.thread_for_article(cls.russian), 2)
        services.thread_for_article(cls.kazakh)

    def test_the_page_links_other_editions_threads_with_their_counts(self):
        html = self.client.get(self.original.get_absolute_url()).content.decode()
        assert (
            f'<a href="{self.russian.get_absolute_url()}#comments" hreflang="ru">'
            "2 comments in Русский</a>"
        ) in html
        assert "in Қазақша" not in html  # no comments there yet

    def test_the_count_is_in_the_readers_language(self):
        html = self.client.get(self.kazakh.get_absolute_url()).content.decode()
        assert "Русский: 2 пікір" in html

    def test_a_comment_in_another_edition_refreshes_the_kept_page(self):
        self.client.get(self.original.get_absolute_url())
        seed(services.thread_for_article(self.kazakh), 1)
        html = self.client.get(self.original.get_absolute_url()).content.decode()
        assert "1 comment in Қазақша" in html
        assert "2 comments in Русский" in html

    def test_the_list_costs_one_query_whatever_the_number_of_comments(self):
        url = self.original.get_absolute_url()
        self.client.get(url, HTTP_COOKIE="sessionid=x")
        with CaptureQueriesContext(connection) as few:
            self.client.get(url, HTTP_COOKIE="sessionid=x")
        seed(services.thread_for_article(self.russian), 5)
        self.client.get(url, HTTP_COOKIE="sessionid=x")
        with CaptureQueriesContext(connection) as many:
            self.client.get(url, HTTP_COOKIE="sessionid=x")
        assert len(many.captured_queries) == len(few.captured_queries)


class UzbekScriptCommentTests(TestCase):
    """A reader of the Cyrillic page of a Latin article comes back to the Cyrillic page."""

    def test_the_permalink_keeps_the_readers_script(self):
        article = ArticleFactory(language="uz", slug="sud-hukmi")
        (comment,) = seed(services.thread_for_article(article), 1)
        with translation.override("uz-cyrl"):
            url = reverse("comments:permalink", kwargs={"pk": comment.pk})
        response = self.client.get(url)
        assert response["Location"] == (
            f"/uz-cyrl/{article.section.slug}/sud-hukmi/#{comment.anchor}"
        )
        with translation.override("uz"):
            latin = self.client.get(reverse("comments:permalink", kwargs={"pk": comment.pk}))
        assert latin["Location"] == f"{article.get_absolute_url()}#{comment.anchor}"
