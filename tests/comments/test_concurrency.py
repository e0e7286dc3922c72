"""Counts stay exact when many requests post, delete and like at once (real threads, PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.test import TransactionTestCase

from gazette.accounts.readers import Reader
from gazette.comments import services
from gazette.comments.models import Comment, Thread
from gazette.comments.services import AuthorProof
from tests.comments.helpers import posting_as
from tests.factories import ThreadFactory

WORKERS = 8


def run_at_once(jobs):
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            barrier.wait()
            job()
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.postgres
class ConcurrentCountTests(TransactionTestCase):
    # Restore rows that data migrations made (reaction sets, roles), which the flush removes.
    serialized_rollback = True

    def setUp(self):
        self.thread = ThreadFactory()

    def post(self, number, **kwargs):
        return services.post_comment(
            thread=self.thread,
            **posting_as(name=f"R{number}", anonymous_id=f"r{number}"),
            body=f"Comment {number}.",
            **kwargs,
        )

    def test_posting_and_deleting_at_once_keeps_the_count_exact(self):
        doomed = [self.post(number) for number in range(WORKERS)]

        def poster(number):
            return lambda: [self.post(1000 + number * 10 + step) for step in range(5)]

        def deleter(comment):
            proof = AuthorProof(comment_ids=frozenset({comment.pk}))
            return lambda: services.delete_comment(comment_id=comment.pk, proof=proof)

        jobs = [poster(number) for number in range(WORKERS)] + [deleter(c) for c in doomed]
        assert run_at_once(jobs) == []
        published = Comment.objects.filter(thread=self.thread, state="published").count()
        assert published == WORKERS * 5
        assert Thread.objects.get(pk=self.thread.pk).comment_count == published

    def test_deleting_the_same_comment_twice_at_once_counts_once(self):
        comment = self.post(1)
        self.post(2)
        proof = AuthorProof(comment_ids=frozenset({comment.pk}))
        errors = run_at_once(
            [lambda: services.delete_comment(comment_id=comment.pk, proof=proof)] * WORKERS
        )
        assert len(errors) == WORKERS - 1
        assert Thread.objects.get(pk=self.thread.pk).comment_count == 1

    def test_double_submit_at_once_creates_one_comment(self):
        errors = run_at_once([lambda: self.post(7)] * WORKERS)
        assert errors == []
        assert Comment.objects.filter(thread=self.thread).count() == 1
        assert Thread.objects.get(pk=self.thread.pk).comment_count == 1

    def test_likes_at_once_count_once_per_reader(self):
        comment = self.post(1)

        def like(reader):
            identity = Reader.anonymous(reader)
            return lambda: services.like_comment(comment_id=comment.pk, reader=identity)

        jobs = [like(f"reader-{number % 4}") for number in range(WORKERS * 2)]
        assert run_at_once(jobs) == []
        comment.refresh_from_db()
        assert comment.like_count == comment.likes.count() == 4
