"""Moderation's side of the comments seam (comments/seam.py): sanctions, screening, what
screening records, the policy version in force and the author's status link, connected once
from ModerationConfig.ready()."""

from __future__ import annotations

from gazette.comments.models import Comment, Thread
from gazette.comments.seam import Submission, Verdict
from gazette.moderation import links, names, queries, sanctions
from gazette.moderation.screening import nudging, records, verdict
from gazette.moderation.screening.rules import load_rules


class CommentModeration:
    def refusal(self, submission: Submission) -> str | None:
        return sanctions.refusal_for(
            user_id=submission.reader.user_id,
            email=submission.email,
            ip_hash=submission.reader.ip_hash,
        )

    def screen(self, submission: Submission) -> Verdict:
        return verdict.screen(submission)

    def record(self, submission: Submission, verdict: Verdict, comment: Comment | None) -> str:
        return records.record_screening(submission, verdict, comment)

    def name_refusal(self, name: str) -> str | None:
        return names.refusal_of(name)

    def nudge(self, text: str) -> list[str]:
        return nudging.trigger_words(text, load_rules())

    def record_nudge(self, thread: Thread) -> None:
        records.record_nudge(thread)

    def policy_version(self) -> str:
        return queries.current_policy_label()

    def status_url(self, comment: Comment) -> str:
        return links.comment_status_path(comment.pk)
