"""A small install built through the real services, for the export and round-trip tests:
three articles (two threads closed, one of them before any comment), nested replies, a comment
removed under a clause, a comment deleted by its author with a reply under its placeholder,
likes, poll votes, and a thread on a page of a registered site."""

import io
import json
import re
from dataclasses import dataclass

from django.core.management import call_command

from gazette.accounts.readers import Reader
from gazette.articles.models import Article
from gazette.comments.models import Comment, Thread
from gazette.comments.services import (
    close_thread,
    delete_comment,
    edit_comment,
    like_comment,
    thread_for_article,
    thread_for_page,
)
from gazette.comments.services.changes import AuthorProof
from gazette.moderation.roles import MODERATOR
from gazette.moderation.services import decisions
from gazette.reactions.services import cast_reaction
from gazette.reactions.targets import PollTarget
from tests.api.helpers import PAGE, SiteFactory
from tests.factories import ArticleFactory, SectionFactory, yes_no_reaction_set
from tests.moderation.factories import WHY, ClauseFactory, post, staff_in


@dataclass
class Newsroom:
    articles: list[Article]
    threads: dict[str, Thread]
    comments: dict[str, Comment]
    site_key: str


def reader(name):
    return Reader.anonymous(name, ip_hash=f"hash-of-{name}")


def build_newsroom() -> Newsroom:
    yes_no_reaction_set()
    section = SectionFactory(slug="justice")
    first = ArticleFactory(section=section, slug="appeal-heard", headline="Appeal heard")
    second = ArticleFactory(section=section, slug="verdict-read", headline="Verdict read")
    clause = ClauseFactory(number=3, key="attacks", title="No personal attacks")
    moderator = staff_in(MODERATOR, username="moderator-amina")
    main = thread_for_article(first)

    opening = post(
        main,
        "The court should publish *its reasoning*.",
        email="dana@example.org",
        ip_hash="hash-of-dana",
    )
    answer = post(main, "It did, on page four.", opening.pk, name="Erlan", anonymous_id="r-2")
    post(main, "Page four is only the summary.", answer.pk, name="Dana", anonymous_id="r-1")
    insult = post(main, "Only a fool believes that.", name="Troll", anonymous_id="r-3")
    post(main, "Please keep to the argument.", insult.pk, name="Madina", anonymous_id="r-9")
    decisions.remove_comment(comment=insult, actor=moderator, clause=clause, explanation=WHY)
    withdrawn = post(
        main, "The hearing resumes on Friday morning.", name="Aigerim", anonymous_id="r-4"
    )
    post(main, "Which courtroom will it be in?", withdrawn.pk, name="Erlan", anonymous_id="r-2")
    proof = AuthorProof(user_id=None, comment_ids=frozenset({withdrawn.pk, answer.pk}))
    edit_comment(comment_id=answer.pk, proof=proof, body="It did, on page *four*.")
    delete_comment(comment_id=withdrawn.pk, proof=proof)
    for name in ("r-5", "r-6"):
        like_comment(comment_id=opening.pk, reader=reader(name))
    for name, choice in (("r-5", "yes"), ("r-6", "yes"), ("r-7", "no")):
        cast_reaction(target=PollTarget.for_article(first), reader=reader(name), choice=choice)

    closed = thread_for_article(second)
    post(closed, "A fair verdict.", name="Olzhas", anonymous_id="r-8")
    close_thread(thread=closed, reason="Comments closed after the verdict.")

    quiet = thread_for_article(
        ArticleFactory(section=section, slug="hearing-adjourned", headline="Hearing adjourned")
    )
    close_thread(thread=quiet, reason="No comments on adjourned hearings.")

    site = SiteFactory(key="partner")
    elsewhere = thread_for_page(site=site, url=PAGE)
    post(elsewhere, "Thanks for the write-up.", name="Madina", anonymous_id="r-9")
    return Newsroom(
        articles=[first, second],
        threads={"main": main, "closed": closed, "elsewhere": elsewhere},
        comments={"opening": opening, "insult": insult, "withdrawn": withdrawn},
        site_key=site.key,
    )


def exported(*arguments):
    out = io.StringIO()
    call_command("export_comments", *arguments, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def export_lines(*arguments):
    return [json.loads(line) for line in exported(*arguments).splitlines()]


_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
_IDS = re.compile(
    r'(comment-|data-comment="|data-reply="|data-more-replies="|/comments/|creply=|article/)(\d+)'
)


def renumbered(html):
    """The HTML with each comment's and article's number replaced by its order of first
    appearance (two installs number their rows differently) and without CSRF tokens, which
    change with every rendering; nothing else may differ."""
    seen: dict[str, str] = {}

    def label(match):
        number = seen.setdefault(match.group(2), f"#{len(seen) + 1}")
        return match.group(1) + number

    return _IDS.sub(label, _TOKEN.sub('name="csrfmiddlewaretoken"', html))


def discussion_of(html):
    """The discussion region of an article page: its count, and its list of comments."""
    start = html.index('<h2 class="comments__title"')
    count = html[start : html.index("</h2>", start)]
    listing = html.index('<ol class="comment-list"')
    return renumbered(count + html[listing : html.index("</ol>", listing) + 5])
