from django.test import TestCase, override_settings
from django.utils import translation

from gazette.articles.models import Article
from gazette.reactions.models import Poll, ReactionSet
from gazette.reactions.queries import poll_for, totals_rows
from gazette.reactions.services import cast_reaction
from gazette.reactions.targets import PollTarget
from tests.factories import (
    ArticleFactory,
    ReactionChoiceFactory,
    ReactionSetFactory,
    reader_of_tests,
    yes_no_reaction_set,
)


class PollForTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.yes_no = yes_no_reaction_set()
        cls.article = ArticleFactory()
        cls.target = PollTarget.for_article(cls.article)

    def vote(self, reader_id: str, choice: str) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests(reader_id), choice=choice)

    def test_before_any_vote_the_default_set_is_shown_empty(self) -> None:
        poll = poll_for(self.article, reader_of_tests())
        assert poll is not None
        assert poll.question == "Do you like this article?"
        assert [(c.code, c.label, c.count, c.chosen) for c in poll.choices] == [
            ("yes", "Yes", 0, False),
            ("no", "No", 0, False),
        ]
        assert poll.total == 0
        assert poll.is_open is True

    def test_the_reader_sees_their_own_answer_and_nobody_elses(self) -> None:
        self.vote("dana", "no")
        self.vote("erlan", "yes")
        poll = poll_for(self.article, reader_of_tests("dana"))
        assert poll is not None
        assert poll.reader_choice is not None
        assert poll.reader_choice.code == "no"

    def test_counts_and_shares_reflect_every_vote(self) -> None:
        for reader_id, choice in [("a", "yes"), ("b", "yes"), ("c", "yes"), ("d", "no")]:
            self.vote(reader_id, choice)
        poll = poll_for(self.article, reader_of_tests("a"))
        assert poll is not None
        assert [(c.count, c.percent) for c in poll.choices] == [(3, 75), (1, 25)]
        assert poll.total == 4
        assert poll.total_text == "4 votes in total"
        assert poll.summary == "Yes: 3 votes, 75%; No: 1 vote, 25%. 4 votes in total."

    def test_counts_are_shown_only_after_voting_by_default(self) -> None:
        self.vote("dana", "yes")
        before = poll_for(self.article, reader_of_tests("erlan"))
        after = poll_for(self.article, reader_of_tests("dana"))
        assert before is not None
        assert after is not None
        assert before.show_counts is False
        assert before.summary == ""
        assert after.show_counts is True

    @override_settings(GAZETTE_REACTIONS={"SHOW_COUNTS": "always"})
    def test_a_site_can_show_counts_to_everyone(self) -> None:
        poll = poll_for(self.article, reader_of_tests("erlan"))
        assert poll is not None
        assert poll.show_counts is True

    def test_a_new_reader_has_no_vote(self) -> None:
        self.vote("dana", "yes")
        newcomer = reader_of_tests("someone-else")
        poll = poll_for(self.article, newcomer)
        assert poll is not None
        assert poll.reader_choice is None

    def test_an_unpublished_article_shows_a_closed_poll(self) -> None:
        draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
        poll = poll_for(draft, reader_of_tests())
        assert poll is not None
        assert poll.is_open is False

    def test_without_any_reaction_set_there_is_no_poll(self) -> None:
        ReactionSet.objects.update(is_default=False)
        assert poll_for(self.article, reader_of_tests()) is None

    def test_editors_translations_are_used_in_their_edition(self) -> None:
        feelings = ReactionSetFactory(
            question="How does this make you feel?",
            question_translations={"ru": "Какие чувства вызывает статья?"},
        )
        ReactionChoiceFactory(
            reaction_set=feelings, code="sad", label="Sad", label_translations={"ru": "Грустно"}
        )
        ReactionChoiceFactory(reaction_set=feelings, code="proud", label="Proud")
        Poll.objects.create(
            site=self.target.site, key=self.target.key, article=self.article, reaction_set=feelings
        )
        with translation.override("ru"):
            poll = poll_for(self.article, reader_of_tests())
        assert poll is not None
        assert poll.question == "Какие чувства вызывает статья?"
        # An answer without a Russian label falls back to the text the editor wrote.
        assert [choice.label for choice in poll.choices] == ["Грустно", "Proud"]

    def test_reading_a_poll_takes_a_fixed_number_of_queries(self) -> None:
        with self.assertNumQueries(2):
            poll_for(self.article, reader_of_tests())
        self.vote("dana", "yes")
        for reader_id in ("erlan", "farida", "gulnara"):
            self.vote(reader_id, "no")
        with self.assertNumQueries(3):
            poll_for(self.article, reader_of_tests("dana"))


class TotalsRowsTests(TestCase):
    def test_every_answer_of_every_poll_is_listed_with_its_votes(self) -> None:
        yes_no_reaction_set()
        first = ArticleFactory(headline="Court hears appeal")
        second = ArticleFactory(headline="Prosecutor resigns", language="ru")
        for reader_id, article, choice in [
            ("a", first, "yes"),
            ("b", first, "yes"),
            ("c", first, "no"),
            ("a", second, "no"),
        ]:
            cast_reaction(
                target=PollTarget.for_article(article),
                reader=reader_of_tests(reader_id),
                choice=choice,
            )
        rows = list(totals_rows(Poll.objects.all()))
        assert [(r.headline, r.language, r.choice, r.votes, r.total, r.percent) for r in rows] == [
            ("Court hears appeal", "en", "yes", 2, 3, 67),
            ("Court hears appeal", "en", "no", 1, 3, 33),
            ("Prosecutor resigns", "ru", "yes", 0, 1, 0),
            ("Prosecutor resigns", "ru", "no", 1, 1, 100),
        ]
