"""Readers posting while moderators remove and readers vote, at once (real threads,
PostgreSQL): every write succeeds, no two transactions deadlock over the audit chain and the
live event log, and the log numbers the events in the order they became visible."""

import pytest
from django.test import TransactionTestCase

from gazette.comments.models import Comment
from gazette.live.models import LiveEvent
from gazette.moderation.models import Clause, ModerationSettings
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.reactions.services import cast_reaction
from gazette.reactions.targets import PollTarget
from tests.comments.test_concurrency import WORKERS, run_at_once
from tests.factories import ThreadFactory, reader_of_tests, yes_no_reaction_set
from tests.moderation.factories import WHY, post, staff_in


@pytest.mark.postgres
class ConcurrentPublishingTests(TransactionTestCase):
    serialized_rollback = True

    def setUp(self):
        ModerationSettings.objects.update_or_create(pk=1, defaults={"profanity_threshold": 0})
        self.thread = ThreadFactory()
        # Posts go to another thread than the removals: no row lock orders them.
        self.other = ThreadFactory()
        self.moderator = staff_in(MODERATOR)
        self.clause = Clause.objects.get(version__number=1, key="attacks")
        self.comments = [
            post(self.thread, f"Opinion {n}.", anonymous_id=f"r{n}") for n in range(WORKERS)
        ]
        yes_no_reaction_set()

    def test_posts_removals_and_votes_at_once_all_publish(self):
        target = PollTarget.for_article(self.thread.article)
        before = LiveEvent.objects.count()

        def remove(comment):
            return lambda: decisions.remove_comment(
                explanation=WHY,
                comment=Comment.objects.get(pk=comment.pk),
                actor=self.moderator,
                clause=self.clause,
            )

        def write(n):
            return lambda: post(self.other, f"New opinion {n}.", anonymous_id=f"new{n}")

        def vote(n):
            return lambda: cast_reaction(
                target=target, reader=reader_of_tests(f"v{n}"), choice="yes"
            )

        actions = []
        for n, comment in enumerate(self.comments):
            actions += [remove(comment), write(n), vote(n)]
        errors = run_at_once(actions)
        assert errors == []
        # Each removal, post and vote published its event (a removal also tells the queue).
        kinds = list(
            LiveEvent.objects.filter(id__gt=0).order_by("id").values_list("kind", flat=True)
        )
        published = kinds[before:]
        assert published.count("comment-removed") == WORKERS
        assert published.count("comment") == WORKERS
        assert published.count("poll") == WORKERS
        assert published.count("decided") == WORKERS
