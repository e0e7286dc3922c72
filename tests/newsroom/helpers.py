"""Data built through the real services, as readers and moderators make it."""

from __future__ import annotations

from gazette.accounts.models import User
from gazette.articles.models import Article
from gazette.comments.models import Comment
from gazette.comments.services import thread_for_article
from gazette.comments.services.likes import like_comment
from gazette.reactions.services import cast_reaction, withdraw_reaction
from gazette.reactions.targets import PollTarget
from tests.factories import reader_of_tests, yes_no_reaction_set
from tests.moderation.factories import post


def vote(article: Article, reader: str, choice: str = "yes") -> None:
    yes_no_reaction_set()
    cast_reaction(
        target=PollTarget.for_article(article), reader=reader_of_tests(reader), choice=choice
    )


def withdraw(article: Article, reader: str) -> None:
    withdraw_reaction(target=PollTarget.for_article(article), reader=reader_of_tests(reader))


def comment(
    article: Article, reader: str, body: str = "", parent: Comment | None = None
) -> Comment:
    thread = thread_for_article(article)
    return post(
        thread,
        body or f"{reader} thinks the court should publish its reasoning in full.",
        parent_id=parent.pk if parent else None,
        name=reader.title(),
        anonymous_id=reader,
    )


def like(comment_: Comment, reader: str) -> None:
    like_comment(comment_id=comment_.pk, reader=reader_of_tests(reader))


def editor() -> User:
    from gazette.moderation.roles import EDITOR  # noqa: PLC0415
    from tests.moderation.factories import staff_in  # noqa: PLC0415

    return staff_in(EDITOR)
