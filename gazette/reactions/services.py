"""Reader reactions: casting, changing and withdrawing a vote, and choosing the default set.

Each vote writes its row and moves the per-choice tallies in the same transaction, with F()
expressions and in a fixed order (so two readers changing votes in opposite directions cannot
deadlock): counts stay exact however many readers vote at once. The unique constraint on
(poll, reader_key) is what guarantees one vote per reader; the code only reacts to it.

How often a reader may vote is counted before, by the one rate limiter (the view calls it): a
refused or failed vote leaves neither a row nor a count behind.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from gazette.accounts.readers import Reader
from gazette.reactions import caching, live, queries
from gazette.reactions.conf import ShowCounts, reactions_conf
from gazette.reactions.exceptions import PollUnavailable, UnknownChoice
from gazette.reactions.models import Poll, ReactionChoice, ReactionSet, Tally, Vote
from gazette.reactions.targets import PollTarget


def cast_reaction(*, target: PollTarget, reader: Reader, choice: str) -> Vote:
    """Record `reader`'s answer `choice` (a reaction code) on the page `target`.

    A reader who already voted has their vote moved to the new answer; the same answer again
    changes nothing. The poll is opened on the first vote, with the site's default set.
    Raises UnknownChoice and PollUnavailable; nothing is written when it raises.
    """
    key = reader.key
    with transaction.atomic():
        poll_id, chosen_id = _poll_and_choice(target, choice)
        vote = _locked_vote(poll_id, key)
        if vote is None:
            try:
                with transaction.atomic():
                    vote = Vote.objects.create(poll_id=poll_id, choice_id=chosen_id, reader_key=key)
            except IntegrityError:
                # The same reader's other request inserted first; treat this one as a change.
                vote = _locked_vote(poll_id, key)
                if vote is None:
                    raise
            else:
                _move_tallies(poll_id, {chosen_id: +1})
                live.tallies_changed(target)
                return vote
        if vote.choice_id != chosen_id:
            previous = vote.choice_id
            vote.choice_id = chosen_id
            vote.save(update_fields=["choice", "updated_at"])
            _move_tallies(poll_id, {previous: -1, chosen_id: +1})
            live.tallies_changed(target)
        return vote


def withdraw_reaction(*, target: PollTarget, reader: Reader) -> bool:
    """Remove `reader`'s vote on `target`; returns False if they had none (nothing changes)."""
    with transaction.atomic():
        vote = (
            Vote.objects.select_for_update(of=("self",))
            .filter(poll__site=target.site, poll__key=target.key, reader_key=reader.key)
            .first()
        )
        if vote is None:
            return False
        vote.delete()
        _move_tallies(vote.poll_id, {vote.choice_id: -1})
        live.tallies_changed(target)
    return True


def make_default_set(*, reaction_set: ReactionSet) -> None:
    """Make `reaction_set` the one new polls use; polls already opened keep theirs."""
    with transaction.atomic():
        # Locking every set serialises two editors choosing different defaults at once.
        list(ReactionSet.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
        ReactionSet.objects.filter(is_default=True).exclude(pk=reaction_set.pk).update(
            is_default=False
        )
        ReactionSet.objects.filter(pk=reaction_set.pk).update(is_default=True)
        caching.polls_changed()
    reaction_set.is_default = True


def _poll_and_choice(target: PollTarget, code: str) -> tuple[int, int]:
    """The ids of the poll on `target` and of its answer `code`, opening the poll if need be."""
    found = (
        ReactionChoice.objects.filter(
            code=code, reaction_set__polls__site=target.site, reaction_set__polls__key=target.key
        )
        .values_list("reaction_set__polls__pk", "pk")
        .first()
    )
    if found is not None:
        return found
    if Poll.objects.filter(site=target.site, key=target.key).exists():
        raise UnknownChoice
    reaction_set = queries.default_reaction_set()
    if reaction_set is None:
        raise PollUnavailable
    choice = ReactionChoice.objects.filter(reaction_set=reaction_set, code=code).first()
    if choice is None:
        raise UnknownChoice
    poll, _created = Poll.objects.get_or_create(
        site=target.site,
        key=target.key,
        defaults={"article": target.article, "reaction_set": reaction_set},
    )
    if poll.reaction_set_id != reaction_set.pk:
        # Another request opened the poll first, with a set chosen in between: ask again.
        return _poll_and_choice(target, code)
    return poll.pk, choice.pk


def _locked_vote(poll_id: int, key: str) -> Vote | None:
    return Vote.objects.select_for_update().filter(poll_id=poll_id, reader_key=key).first()


def _move_tallies(poll_id: int, deltas: dict[int, int]) -> None:
    """Add each delta to its choice's tally in the database, lowest choice id first."""
    if reactions_conf().show_counts == ShowCounts.ALWAYS:
        caching.polls_changed()  # every reader's page shows the counts
    for choice_id in sorted(deltas):
        tally = Tally.objects.filter(poll_id=poll_id, choice_id=choice_id)
        if tally.update(count=F("count") + deltas[choice_id]):
            continue
        # First vote for this answer: create its tally (another transaction may race us to it).
        Tally.objects.bulk_create(
            [Tally(poll_id=poll_id, choice_id=choice_id, count=0)], ignore_conflicts=True
        )
        tally.update(count=F("count") + deltas[choice_id])
