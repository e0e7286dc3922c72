"""Many readers voting at once, on real threads and real PostgreSQL transactions."""

import random
import threading
from collections import Counter

import pytest
from django.db import connection
from django.db.models import Count
from django.test import TransactionTestCase, override_settings

from gazette.reactions.models import Poll, Tally, Vote
from gazette.reactions.services import cast_reaction, withdraw_reaction
from gazette.reactions.targets import PollTarget
from tests.factories import ArticleFactory, reader_of_tests, yes_no_reaction_set

READERS = 40
THREADS = 8
CHOICES = ("yes", "no")


def run_together(work, how_many: int) -> list[BaseException]:
    """Run work(index) on `how_many` threads released at the same moment; return their errors."""
    barrier = threading.Barrier(how_many)
    errors: list[BaseException] = []

    def runner(index: int) -> None:
        try:
            barrier.wait()
            work(index)
        except BaseException as exc:  # reported to the test below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(index,)) for index in range(how_many)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.postgres
@override_settings(
    GAZETTE_CHALLENGES={"RATES": {"vote": {"reader": "100000/3600", "ip": "100000/3600"}}}
)
class ConcurrentVotingTests(TransactionTestCase):
    serialized_rollback = True

    def setUp(self) -> None:
        yes_no_reaction_set()
        self.target = PollTarget.for_article(ArticleFactory())

    def tallies(self) -> dict[str, int]:
        return dict(Tally.objects.values_list("choice__code", "count"))

    def votes_per_choice(self) -> dict[str, int]:
        rows = Vote.objects.values("choice__code").annotate(n=Count("pk"))
        return {row["choice__code"]: row["n"] for row in rows}

    def test_totals_are_exact_when_many_readers_vote_change_and_withdraw_at_once(self) -> None:
        # Every reader votes, then changes their mind; every third one withdraws at the end.
        rng = random.Random(20261129)
        plans = {
            f"reader-{n}": [
                rng.choice(CHOICES),
                rng.choice(CHOICES),
                "withdraw" if n % 3 == 0 else None,
            ]
            for n in range(READERS)
        }
        expected = Counter(plan[1] for plan in plans.values() if plan[2] is None)
        names = sorted(plans)

        def work(index: int) -> None:
            mine = names[index::THREADS]
            for step in range(3):
                for name in mine:
                    action = plans[name][step]
                    reader = reader_of_tests(name, ip_hash=f"ip-{name}")
                    if action == "withdraw":
                        withdraw_reaction(target=self.target, reader=reader)
                    elif action is not None:
                        cast_reaction(target=self.target, reader=reader, choice=action)

        assert run_together(work, THREADS) == []
        assert Poll.objects.count() == 1
        assert Vote.objects.count() == sum(expected.values())
        assert self.votes_per_choice() == {code: n for code, n in expected.items() if n}
        assert {code: n for code, n in self.tallies().items() if n} == self.votes_per_choice()
        assert sum(self.tallies().values()) == Vote.objects.count()

    def test_one_reader_clicking_many_times_at_once_keeps_one_vote(self) -> None:
        def work(index: int) -> None:
            cast_reaction(
                target=self.target, reader=reader_of_tests("dana"), choice=CHOICES[index % 2]
            )

        assert run_together(work, THREADS) == []
        vote = Vote.objects.get()
        assert self.tallies()[vote.choice.code] == 1
        assert sum(self.tallies().values()) == 1

    def test_readers_changing_their_votes_in_opposite_directions_do_not_deadlock(self) -> None:
        names = [f"reader-{n}" for n in range(THREADS)]
        for index, name in enumerate(names):
            cast_reaction(
                target=self.target, reader=reader_of_tests(name), choice=CHOICES[index % 2]
            )

        def work(index: int) -> None:
            # Half go yes → no while the other half go no → yes, over and over.
            reader = reader_of_tests(names[index])
            for flip in range(10):
                choice = CHOICES[(index + flip + 1) % 2]
                cast_reaction(target=self.target, reader=reader, choice=choice)

        assert run_together(work, THREADS) == []
        assert self.tallies() == self.votes_per_choice()
        assert sum(self.tallies().values()) == THREADS
