"""Reads for reactions: the poll a reader sees under an article, and editors' totals.

`poll_for` is the one place that decides what a reader sees of a poll: counts and bars only once
they voted (or always, if the site says so), and never anyone else's vote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext, ngettext

from gazette.accounts.readers import Reader
from gazette.articles.models import Article
from gazette.reactions.conf import reactions_conf
from gazette.reactions.models import Poll, ReactionChoice, ReactionSet, Tally, Vote
from gazette.reactions.policy import counts_visible, shares
from gazette.reactions.targets import PollTarget


@dataclass(frozen=True)
class ChoiceResult:
    code: str
    label: str
    symbol: str
    count: int
    percent: int
    chosen: bool

    @property
    def count_text(self) -> str:
        return ngettext("%(count)d vote", "%(count)d votes", self.count) % {"count": self.count}


@dataclass(frozen=True)
class PollView:
    question: str
    choices: list[ChoiceResult]
    total: int
    show_counts: bool
    is_open: bool

    @property
    def reader_choice(self) -> ChoiceResult | None:
        return next((choice for choice in self.choices if choice.chosen), None)

    @property
    def total_text(self) -> str:
        return ngettext("%(count)d vote in total", "%(count)d votes in total", self.total) % {
            "count": self.total
        }

    @property
    def summary(self) -> str:
        """The result in one sentence, for screen readers (announced after a vote)."""
        if not self.show_counts:
            return ""
        parts = [
            gettext("%(answer)s: %(votes)s, %(percent)d%%")
            % {"answer": choice.label, "votes": choice.count_text, "percent": choice.percent}
            for choice in self.choices
        ]
        return "; ".join(parts) + ". " + self.total_text + "."


def default_reaction_set() -> ReactionSet | None:
    return ReactionSet.objects.filter(is_default=True).first()


def poll_for(article: Article, reader: Reader) -> PollView | None:
    """The poll under `article` as `reader` sees it; None when no reaction set is configured."""
    return poll_at(PollTarget.for_article(article), reader, is_open=article.is_public)


def poll_at(target: PollTarget, reader: Reader, *, is_open: bool = True) -> PollView | None:
    """The poll on the page `target` as `reader` sees it, in two queries (three once opened)."""
    poll = Poll.objects.filter(site=target.site, key=target.key).first()
    choices: QuerySet[ReactionChoice] = ReactionChoice.objects.select_related("reaction_set")
    chosen_id: int | None = None
    if poll is None:
        # Nobody has voted yet: show the set a first vote would open the poll with.
        choices = choices.filter(reaction_set__is_default=True).annotate(vote_count=Value(0))
    else:
        tally = Tally.objects.filter(poll=poll, choice=OuterRef("pk")).values("count")
        choices = choices.filter(reaction_set_id=poll.reaction_set_id).annotate(
            vote_count=Coalesce(Subquery(tally), 0)
        )
        chosen_id = (
            Vote.objects.filter(poll=poll, reader_key=reader.key)
            .values_list("choice_id", flat=True)
            .first()
        )
    listed = list(choices)
    if not listed:
        return None
    return _poll_view(listed, chosen_id, is_open=is_open)


def _poll_view(
    choices: Sequence[ReactionChoice], chosen_id: int | None, *, is_open: bool
) -> PollView:
    language = translation.get_language() or settings.LANGUAGE_CODE
    figures = [int(getattr(choice, "vote_count", 0)) for choice in choices]
    results = [
        ChoiceResult(
            code=choice.code,
            label=choice.label_in(language),
            symbol=choice.symbol,
            count=count,
            percent=percent,
            chosen=choice.pk == chosen_id,
        )
        for choice, count, percent in zip(choices, figures, shares(figures), strict=True)
    ]
    return PollView(
        question=choices[0].reaction_set.question_in(language),
        choices=results,
        total=sum(figures),
        show_counts=counts_visible(reactions_conf().show_counts, has_voted=chosen_id is not None),
        is_open=is_open,
    )


# ---------------------------------------------------------------- editors


@dataclass(frozen=True)
class TotalsRow:
    """One answer of one poll, as the CSV export writes it."""

    site: str
    key: str
    article_id: int | None
    headline: str
    language: str
    reaction_set: str
    choice: str
    label: str
    votes: int
    total: int
    percent: int


def polls_with_totals(polls: QuerySet[Poll]) -> QuerySet[Poll]:
    """Polls annotated with `total_votes`, ready to show their article and set."""
    return polls.select_related("article", "reaction_set").annotate(
        total_votes=Coalesce(Sum("tallies__count"), 0)
    )


def totals_rows(polls: QuerySet[Poll]) -> Iterable[TotalsRow]:
    """Every answer of every poll in `polls`, with its votes, in a fixed number of queries."""
    prefetched = (
        polls.select_related("article", "reaction_set")
        .prefetch_related("reaction_set__choices", "tallies")
        .order_by("pk")
    )
    for poll in prefetched:
        counts = {tally.choice_id: tally.count for tally in poll.tallies.all()}
        choices = list(poll.reaction_set.choices.all())
        figures = [counts.get(choice.pk, 0) for choice in choices]
        for choice, votes, percent in zip(choices, figures, shares(figures), strict=True):
            yield TotalsRow(
                site=poll.site,
                key=poll.key,
                article_id=poll.article_id,
                headline=poll.article.headline if poll.article is not None else "",
                language=poll.article.language if poll.article is not None else "",
                reaction_set=poll.reaction_set.name,
                choice=choice.code,
                label=choice.label,
                votes=votes,
                total=sum(figures),
                percent=percent,
            )
