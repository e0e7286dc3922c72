import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from gazette.challenges import counters
from gazette.challenges.exceptions import ChallengeRejected, Reason
from gazette.challenges.models import UsedChallenge, WindowCounter
from gazette.challenges.services import purge_challenges, use_challenge
from tests.challenges.conftest import DATABASE_CACHE
from tests.challenges.solving import clock_at


def soon():
    return timezone.now() + timedelta(minutes=10)


class UseChallengeTests(TestCase):
    def test_a_challenge_is_used_once(self) -> None:
        use_challenge(signature="a" * 64, expires_at=soon())
        with pytest.raises(ChallengeRejected) as replay:
            use_challenge(signature="a" * 64, expires_at=soon())
        assert replay.value.reason is Reason.REPLAYED
        assert UsedChallenge.objects.count() == 1

    def test_different_challenges_are_independent(self) -> None:
        use_challenge(signature="a" * 64, expires_at=soon())
        use_challenge(signature="b" * 64, expires_at=soon())
        assert UsedChallenge.objects.count() == 2


class PurgeTests(TestCase):
    def setUp(self) -> None:
        self.enterContext(override_settings(CACHES=DATABASE_CACHE))

    def test_expired_records_are_purged_after_a_grace_for_clock_skew(self) -> None:
        now = timezone.now()
        use_challenge(signature="a" * 64, expires_at=now - timedelta(minutes=6))
        use_challenge(signature="b" * 64, expires_at=now - timedelta(minutes=1))
        use_challenge(signature="c" * 64, expires_at=now + timedelta(minutes=5))
        counters.increment("k:old", ttl=1)
        with clock_at(now):
            assert purge_challenges() == (1, 0)
        with clock_at(now + timedelta(seconds=2)):
            assert purge_challenges() == (0, 1)
        assert sorted(UsedChallenge.objects.values_list("signature", flat=True)) == [
            "b" * 64,
            "c" * 64,
        ]
        assert WindowCounter.objects.count() == 0

    def test_the_command_reports_what_it_deleted(self) -> None:
        use_challenge(signature="a" * 64, expires_at=timezone.now() - timedelta(hours=1))
        out = StringIO()
        call_command("purge_challenges", stdout=out)
        assert out.getvalue() == "Deleted 1 used challenges and 0 counters.\n"


@pytest.mark.postgres
class ConcurrentUseTests(TransactionTestCase):
    # Only our tables are emptied afterwards, and content types are left alone for the
    # TransactionTestCases of other apps that restore a serialized database.
    available_apps = ["gazette.challenges"]

    def test_of_many_simultaneous_uses_exactly_one_succeeds(self) -> None:
        outcomes: list[str] = []
        barrier = threading.Barrier(8)

        def spend() -> None:
            barrier.wait()
            try:
                use_challenge(signature="d" * 64, expires_at=soon())
                outcomes.append("used")
            except ChallengeRejected as exc:
                outcomes.append(exc.reason.value)
            finally:
                connection.close()

        threads = [threading.Thread(target=spend) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["replayed"] * 7 + ["used"]
        assert UsedChallenge.objects.count() == 1
