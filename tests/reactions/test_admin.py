import csv
import io

from django.test import TestCase
from django.urls import reverse

from gazette.reactions.models import Poll, ReactionSet
from gazette.reactions.services import cast_reaction, withdraw_reaction
from gazette.reactions.targets import PollTarget
from tests.factories import (
    ArticleFactory,
    ReactionChoiceFactory,
    ReactionSetFactory,
    UserFactory,
    reader_of_tests,
    yes_no_reaction_set,
)


def vote(article, reader_id: str, choice: str) -> None:
    cast_reaction(
        target=PollTarget.for_article(article), reader=reader_of_tests(reader_id), choice=choice
    )


class EditorTestCase(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.yes_no = yes_no_reaction_set()
        cls.editor = UserFactory(username="editor", is_staff=True, is_superuser=True)

    def setUp(self) -> None:
        self.client.force_login(self.editor)


class ReactionSetAdminTests(EditorTestCase):
    def choice_fields(self, index: int, code: str, label: str, ru: str, symbol: str) -> dict:
        prefix = f"choices-{index}-"
        return {
            prefix + "code": code,
            prefix + "label": label,
            prefix + "label_ru": ru,
            prefix + "label_kk": "",
            prefix + "symbol": symbol,
            prefix + "position": str(index),
        }

    def test_an_editor_adds_a_set_with_labels_for_each_edition(self) -> None:
        response = self.client.post(
            reverse("admin:reactions_reactionset_add"),
            {
                "name": "Feelings",
                "question": "How does this article make you feel?",
                "question_ru": "Какие чувства вызывает статья?",
                "question_kk": "",
                "choices-TOTAL_FORMS": "2",
                "choices-INITIAL_FORMS": "0",
                "choices-MIN_NUM_FORMS": "2",
                "choices-MAX_NUM_FORMS": "1000",
                **self.choice_fields(0, "sad", "Sad", "Грустно", "😢"),
                **self.choice_fields(1, "proud", "Proud", "", "🙌"),
            },
        )
        assert response.status_code == 302
        feelings = ReactionSet.objects.get(name="Feelings")
        assert feelings.question_translations == {"ru": "Какие чувства вызывает статья?"}
        assert feelings.is_default is False
        assert list(feelings.choices.values_list("code", "symbol", "label_translations")) == [
            ("sad", "😢", {"ru": "Грустно"}),
            ("proud", "🙌", {}),
        ]

    def test_the_change_form_shows_the_stored_translations(self) -> None:
        feelings = ReactionSetFactory(question_translations={"kk": "Мақала ұнады ма?"})
        ReactionChoiceFactory(reaction_set=feelings, label_translations={"ru": "Грустно"})
        html = self.client.get(
            reverse("admin:reactions_reactionset_change", args=[feelings.pk])
        ).content.decode()
        assert 'name="question_kk"' in html
        assert "Question in Kazakh" in html
        assert "Label in Russian" in html
        assert 'value="Мақала ұнады ма?"' in html
        assert 'name="choices-0-label_ru"' in html
        assert 'value="Грустно"' in html

    def test_an_editor_makes_another_set_the_site_default(self) -> None:
        feelings = ReactionSetFactory()
        response = self.client.post(
            reverse("admin:reactions_reactionset_changelist"),
            {"action": "make_default", "_selected_action": [feelings.pk]},
            follow=True,
        )
        assert "New polls will now use" in response.content.decode()
        assert list(ReactionSet.objects.filter(is_default=True)) == [feelings]

    def test_only_one_set_can_be_made_the_default_at_a_time(self) -> None:
        feelings = ReactionSetFactory()
        response = self.client.post(
            reverse("admin:reactions_reactionset_changelist"),
            {"action": "make_default", "_selected_action": [feelings.pk, self.yes_no.pk]},
            follow=True,
        )
        assert "Select exactly one reaction set." in response.content.decode()
        assert list(ReactionSet.objects.filter(is_default=True)) == [self.yes_no]


class PollAdminTests(EditorTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.first = ArticleFactory(headline="Court hears appeal")
        cls.second = ArticleFactory(headline='=HYPERLINK("http://example.org")', language="ru")
        for reader_id, article, choice in [
            ("a", cls.first, "yes"),
            ("b", cls.first, "yes"),
            ("c", cls.first, "no"),
            ("a", cls.second, "no"),
        ]:
            vote(article, reader_id, choice)

    def test_editors_see_each_articles_totals(self) -> None:
        html = self.client.get(reverse("admin:reactions_poll_changelist")).content.decode()
        assert "Court hears appeal" in html
        assert "Yes 2 (67%) · No 1 (33%)" in html
        assert "Yes 0 (0%) · No 1 (100%)" in html

    def test_the_list_takes_the_same_queries_however_many_polls(self) -> None:
        url = reverse("admin:reactions_poll_changelist")
        self.client.get(url)
        with self.assertNumQueries(9) as before:
            self.client.get(url)
        for reader_id in ("d", "e"):
            vote(ArticleFactory(), reader_id, "yes")
        with self.assertNumQueries(len(before.captured_queries)):
            self.client.get(url)

    def test_totals_are_exported_as_csv(self) -> None:
        polls = Poll.objects.order_by("pk")
        response = self.client.post(
            reverse("admin:reactions_poll_changelist"),
            {"action": "export_csv", "_selected_action": [poll.pk for poll in polls]},
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith('attachment; filename="reactions-')
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        first = ["main", f"article:{self.first.pk}", str(self.first.pk), "Court hears appeal", "en"]
        # A headline a spreadsheet would run as a formula is written as text.
        second = [
            "main",
            f"article:{self.second.pk}",
            str(self.second.pk),
            "'" + self.second.headline,
            "ru",
        ]
        assert rows == [
            [
                "site",
                "key",
                "article_id",
                "headline",
                "language",
                "reaction_set",
                "choice",
                "label",
                "votes",
                "poll_total",
                "percent",
            ],
            [*first, "Yes / No", "yes", "Yes", "2", "3", "67"],
            [*first, "Yes / No", "no", "No", "1", "3", "33"],
            [*second, "Yes / No", "yes", "Yes", "0", "1", "0"],
            [*second, "Yes / No", "no", "No", "1", "1", "100"],
        ]

    def test_the_export_covers_only_the_selected_polls(self) -> None:
        poll = Poll.objects.get(article=self.second)
        response = self.client.post(
            reverse("admin:reactions_poll_changelist"),
            {"action": "export_csv", "_selected_action": [poll.pk]},
        )
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert {row[2] for row in rows[1:]} == {str(self.second.pk)}

    def test_an_editor_gives_an_article_another_set_before_anyone_votes(self) -> None:
        feelings = ReactionSetFactory()
        ReactionChoiceFactory(reaction_set=feelings, code="sad")
        article = ArticleFactory()
        response = self.client.post(
            reverse("admin:reactions_poll_add"),
            {"article": article.pk, "reaction_set": feelings.pk},
        )
        assert response.status_code == 302
        poll = Poll.objects.get(article=article)
        assert (poll.site, poll.key, poll.reaction_set) == (
            "main",
            f"article:{article.pk}",
            feelings,
        )
        vote(article, "dana", "sad")
        assert poll.votes.get().choice.code == "sad"

    def test_an_article_has_only_one_poll(self) -> None:
        response = self.client.post(
            reverse("admin:reactions_poll_add"),
            {"article": self.first.pk, "reaction_set": ReactionSetFactory().pk},
        )
        assert response.status_code == 200
        assert "This article already has a poll." in response.content.decode()
        assert Poll.objects.filter(article=self.first).count() == 1

    def test_the_set_of_a_poll_with_votes_cannot_change(self) -> None:
        poll = Poll.objects.get(article=self.first)
        response = self.client.post(
            reverse("admin:reactions_poll_change", args=[poll.pk]),
            {"reaction_set": ReactionSetFactory().pk},
        )
        assert response.status_code == 200
        assert "Readers have voted in this poll" in response.content.decode()
        poll.refresh_from_db()
        assert poll.reaction_set == self.yes_no

    def test_the_set_of_a_poll_without_votes_can_change(self) -> None:
        article = ArticleFactory()
        vote(article, "dana", "yes")
        withdraw_reaction(target=PollTarget.for_article(article), reader=reader_of_tests("dana"))
        poll = Poll.objects.get(article=article)
        feelings = ReactionSetFactory()
        response = self.client.post(
            reverse("admin:reactions_poll_change", args=[poll.pk]),
            {"reaction_set": feelings.pk},
        )
        assert response.status_code == 302
        poll.refresh_from_db()
        assert poll.reaction_set == feelings

    def test_an_answer_readers_chose_cannot_be_deleted(self) -> None:
        choices = list(self.yes_no.choices.all())
        data = {
            "name": self.yes_no.name,
            "question": self.yes_no.question,
            "question_ru": "",
            "question_kk": "",
            "choices-TOTAL_FORMS": "2",
            "choices-INITIAL_FORMS": "2",
            "choices-MIN_NUM_FORMS": "2",
            "choices-MAX_NUM_FORMS": "1000",
        }
        for index, choice in enumerate(choices):
            prefix = f"choices-{index}-"
            data |= {
                prefix + "id": str(choice.pk),
                prefix + "reaction_set": str(self.yes_no.pk),
                prefix + "code": choice.code,
                prefix + "label": choice.label,
                prefix + "label_ru": "",
                prefix + "label_kk": "",
                prefix + "symbol": "",
                prefix + "position": str(choice.position),
            }
        data["choices-0-DELETE"] = "on"
        response = self.client.post(
            reverse("admin:reactions_reactionset_change", args=[self.yes_no.pk]), data
        )
        assert response.status_code == 200
        assert "would require deleting the following protected related objects" in (
            response.content.decode()
        )
        assert self.yes_no.choices.count() == 2
