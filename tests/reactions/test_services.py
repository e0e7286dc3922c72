import pytest
from django.db import IntegrityError, transaction
from django.test import TestCase

from gazette.reactions.exceptions import PollUnavailable, UnknownChoice
from gazette.reactions.models import Poll, ReactionSet, Tally, Vote
from gazette.reactions.services import (
    cast_reaction,
    make_default_set,
    withdraw_reaction,
)
from gazette.reactions.targets import PollTarget
from tests.factories import (
    ArticleFactory,
    ReactionChoiceFactory,
    ReactionSetFactory,
    UserFactory,
    reader_of_tests,
    yes_no_reaction_set,
)


def tallies(target: PollTarget) -> dict[str, int]:
    poll = Poll.objects.get(site=target.site, key=target.key)
    return dict(Tally.objects.filter(poll=poll).values_list("choice__code", "count"))


class CastReactionTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.yes_no = yes_no_reaction_set()
        cls.article = ArticleFactory()
        cls.target = PollTarget.for_article(cls.article)
        cls.member = UserFactory()

    def test_first_vote_opens_the_poll_with_the_default_set(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests(), choice="yes")
        poll = Poll.objects.get()
        assert (poll.site, poll.key) == ("main", f"article:{self.article.pk}")
        assert poll.article == self.article
        assert poll.reaction_set == self.yes_no

    def test_a_reader_has_one_vote_however_often_they_answer(self) -> None:
        for _attempt in range(3):
            cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="yes")
        assert Vote.objects.count() == 1
        assert tallies(self.target) == {"yes": 1}

    def test_each_reader_is_counted(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="yes")
        cast_reaction(target=self.target, reader=reader_of_tests("erlan"), choice="yes")
        cast_reaction(target=self.target, reader=reader_of_tests("farida"), choice="no")
        assert tallies(self.target) == {"yes": 2, "no": 1}

    def test_changing_the_answer_moves_the_vote(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="yes")
        vote = cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="no")
        assert vote.choice.code == "no"
        assert Vote.objects.count() == 1
        assert tallies(self.target) == {"yes": 0, "no": 1}

    def test_a_signed_in_reader_votes_as_their_account_whatever_the_cookie(self) -> None:
        cast_reaction(
            target=self.target, reader=reader_of_tests("phone", user=self.member), choice="yes"
        )
        cast_reaction(
            target=self.target, reader=reader_of_tests("laptop", user=self.member), choice="no"
        )
        assert Vote.objects.get().reader_key == f"user:{self.member.pk}"
        assert tallies(self.target) == {"yes": 0, "no": 1}

    def test_an_anonymous_id_cannot_pose_as_an_account(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests(str(self.member.pk)), choice="yes")
        cast_reaction(
            target=self.target, reader=reader_of_tests("x", user=self.member), choice="yes"
        )
        keys = sorted(Vote.objects.values_list("reader_key", flat=True))
        assert keys == [f"anon:{self.member.pk}", f"user:{self.member.pk}"]

    def test_polls_are_separate_per_article(self) -> None:
        other = PollTarget.for_article(ArticleFactory())
        cast_reaction(target=self.target, reader=reader_of_tests(), choice="yes")
        cast_reaction(target=other, reader=reader_of_tests(), choice="no")
        assert tallies(self.target) == {"yes": 1}
        assert tallies(other) == {"no": 1}

    def test_an_unknown_answer_is_refused_and_nothing_is_recorded(self) -> None:
        with pytest.raises(UnknownChoice):
            cast_reaction(target=self.target, reader=reader_of_tests(), choice="maybe")
        assert Vote.objects.count() == 0
        assert Tally.objects.count() == 0

    def test_an_answer_of_another_set_is_refused(self) -> None:
        ReactionChoiceFactory(reaction_set=ReactionSetFactory(), code="angry")
        with pytest.raises(UnknownChoice):
            cast_reaction(target=self.target, reader=reader_of_tests(), choice="angry")
        assert Vote.objects.count() == 0

    def test_a_poll_keeps_the_set_an_editor_picked(self) -> None:
        feelings = ReactionSetFactory()
        ReactionChoiceFactory(reaction_set=feelings, code="inspired", symbol="✨")
        Poll.objects.create(
            site=self.target.site,
            key=self.target.key,
            article=self.article,
            reaction_set=feelings,
        )
        cast_reaction(target=self.target, reader=reader_of_tests(), choice="inspired")
        with pytest.raises(UnknownChoice):
            cast_reaction(target=self.target, reader=reader_of_tests("erlan"), choice="yes")
        assert tallies(self.target) == {"inspired": 1}

    def test_an_opened_poll_keeps_its_set_when_the_default_changes(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests(), choice="yes")
        feelings = ReactionSetFactory()
        ReactionChoiceFactory(reaction_set=feelings, code="inspired")
        make_default_set(reaction_set=feelings)
        cast_reaction(target=self.target, reader=reader_of_tests("erlan"), choice="no")
        assert tallies(self.target) == {"yes": 1, "no": 1}

    def test_without_a_default_set_there_is_no_poll_to_vote_in(self) -> None:
        ReactionSet.objects.update(is_default=False)
        with pytest.raises(PollUnavailable):
            cast_reaction(target=self.target, reader=reader_of_tests(), choice="yes")
        assert Poll.objects.count() == 0

    def test_the_database_keeps_one_vote_per_reader(self) -> None:
        vote = cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="yes")
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.create(poll=vote.poll, choice=vote.choice, reader_key=vote.reader_key)


class WithdrawReactionTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        yes_no_reaction_set()
        cls.target = PollTarget.for_article(ArticleFactory())

    def test_withdrawing_removes_the_vote_and_its_count(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="yes")
        cast_reaction(target=self.target, reader=reader_of_tests("erlan"), choice="yes")
        assert withdraw_reaction(target=self.target, reader=reader_of_tests("dana")) is True
        assert list(Vote.objects.values_list("reader_key", flat=True)) == ["anon:erlan"]
        assert tallies(self.target) == {"yes": 1}

    def test_withdrawing_without_a_vote_changes_nothing(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="no")
        assert withdraw_reaction(target=self.target, reader=reader_of_tests("erlan")) is False
        assert tallies(self.target) == {"no": 1}

    def test_withdrawing_on_a_page_nobody_voted_on_opens_no_poll(self) -> None:
        assert withdraw_reaction(target=self.target, reader=reader_of_tests()) is False
        assert Poll.objects.count() == 0

    def test_a_reader_can_vote_again_after_withdrawing(self) -> None:
        cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="yes")
        withdraw_reaction(target=self.target, reader=reader_of_tests("dana"))
        cast_reaction(target=self.target, reader=reader_of_tests("dana"), choice="no")
        assert tallies(self.target) == {"yes": 0, "no": 1}


class MakeDefaultSetTests(TestCase):
    def test_the_new_default_replaces_the_old_one(self) -> None:
        yes_no = yes_no_reaction_set()
        feelings = ReactionSetFactory()
        make_default_set(reaction_set=feelings)
        assert list(ReactionSet.objects.filter(is_default=True)) == [feelings]
        yes_no.refresh_from_db()
        assert yes_no.is_default is False

    def test_the_database_allows_one_default(self) -> None:
        yes_no_reaction_set()
        with pytest.raises(IntegrityError), transaction.atomic():
            ReactionSetFactory(is_default=True)
