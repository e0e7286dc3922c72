"""Reads of an article's panel: its figures day by day since publication, its most liked public
comments and the median article of its section in its edition. Counts only, as the overview."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from django.db.models import F

from gazette.accounts.models import User
from gazette.articles.models import Article
from gazette.comments.models import Comment
from gazette.newsroom import commenters, policy
from gazette.newsroom.figures import COUNTS, Row
from gazette.newsroom.models import ArticleTotals, DailyArticleStats
from gazette.newsroom.queries import figures_as_of

LIKED_SHOWN = 5
OWN_ARTICLES_SHOWN = 50
DASHBOARD_PERMISSION = "newsroom.view_newsroom_dashboard"


@dataclass(frozen=True)
class Day:
    day: date
    votes: int
    votes_yes: int
    votes_no: int
    comments: int
    cumulative_yes: int
    cumulative_answered: int

    @property
    def cumulative_share(self) -> float | None:
        return policy.share(self.cumulative_yes, self.cumulative_answered)


@dataclass(frozen=True)
class Panel:
    article: Article
    total: Row
    days: list[Day]
    liked: list[Comment]
    section_median: dict[str, float | None]
    as_of: datetime | None


def article_panel(article: Article) -> Panel:
    """An article's figures since publication, its most liked public comments and how it
    compares with the median article of its section in its edition."""
    rows = list(
        DailyArticleStats.objects.filter(article=article)
        .order_by("day")
        .values("day", *COUNTS, "commenter_numbers")
    )
    total = Row.of(str(article.pk), article.headline, {}, url=article.get_absolute_url())
    days = []
    yes = answered = 0
    for row in rows:
        total = total.plus(row)
        yes += row["votes_yes"]
        answered += row["votes_yes"] + row["votes_no"]
        days.append(
            Day(
                day=row["day"],
                votes=row["votes"],
                votes_yes=row["votes_yes"],
                votes_no=row["votes_no"],
                comments=row["comments"],
                cumulative_yes=yes,
                cumulative_answered=answered,
            )
        )
    # A reader who commented on two days is one commenter of the article.
    readers = commenters.union(row["commenter_numbers"] for row in rows)
    return Panel(
        article=article,
        total=replace(total, commenters=commenters.count(readers)),
        days=days,
        liked=most_liked_comments(article),
        section_median=section_median(article),
        as_of=figures_as_of(),
    )


def most_liked_comments(article: Article) -> list[Comment]:
    """The article's most liked published comments: what any reader can see on its page."""
    return list(
        Comment.objects.published()
        .filter(thread__article=article, like_count__gt=0)
        .only("pk", "body_html", "like_count", "created_at", "author_name", "thread_id")
        .order_by("-like_count", "created_at", "pk")[:LIKED_SHOWN]
    )


def section_median(article: Article) -> dict[str, float | None]:
    """The median, over the articles of the same section and edition with any activity, of their
    votes, share of yes (from HISTOGRAM_MIN_VOTES answers) and published comments."""
    totals = list(
        ArticleTotals.objects.filter(section_id=article.section_id, language=article.language)
        .values("votes", "comments", yes=F("votes_yes"), no=F("votes_no"))
        .order_by()
    )
    shares = [
        row["yes"] / (row["yes"] + row["no"])
        for row in totals
        if row["yes"] + row["no"] >= policy.HISTOGRAM_MIN_VOTES
    ]
    return {
        "votes": policy.median(row["votes"] for row in totals),
        "yes_share": policy.median(shares),
        "comments": policy.median(row["comments"] for row in totals),
        "articles": float(len(totals)),
    }


def may_open_panel(user: User, article: Article) -> bool:
    """Editors open every article's panel; an author opens the panels of their own articles."""
    if user.has_perm(DASHBOARD_PERMISSION):
        return True
    return article.bylines.filter(author__account=user).exists()


def own_articles(user: User) -> list[Article]:
    """The newest articles the author signed in as `user` wrote, whose panels they may open."""
    return list(
        Article.objects.filter(bylines__author__account=user)
        .select_related("section")
        .order_by("-published_at", "-pk")[:OWN_ARTICLES_SHOWN]
    )
