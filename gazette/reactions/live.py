"""What the live updates tell of a poll (gazette/live): its tallies after each vote, on the
page's channel, published inside the vote's transaction.

The tallies go to every listener, as they are the same for all; the page shows them only where
it already shows results (a reader who voted, or SHOW_COUNTS "always"), exactly as the poll's
own script does after a vote. The texts are written in the page's edition and those written
from it.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from gazette.accounts.readers import Reader
from gazette.core import editions
from gazette.live.channels import page_channel
from gazette.live.events import publish
from gazette.reactions import queries
from gazette.reactions.models import Poll
from gazette.reactions.targets import PollTarget

# Nobody's vote: the tallies alone.
_NOBODY = Reader(key="")


def _languages(poll: Poll) -> list[str]:
    first = poll.article.language if poll.article is not None else settings.LANGUAGE_CODE
    return [first, *editions.written_from(first)]


def tallies_changed(target: PollTarget) -> None:
    """Publish the poll's tallies on its page's channel."""
    poll = Poll.objects.filter(site=target.site, key=target.key).select_related("article").first()
    view = queries.poll_at(target, _NOBODY) if poll is not None else None
    if poll is None or view is None:
        return
    languages = _languages(poll)
    texts: dict[str, dict[str, str]] = {}
    for language in languages:
        with translation.override(language):
            texts[language] = {
                "total": view.total_text,
                **{choice.code: choice.count_text for choice in view.choices},
            }
    data = {
        "total": view.total,
        "choices": [{"code": c.code, "count": c.count, "percent": c.percent} for c in view.choices],
        "texts": texts,
    }
    publish(channel=page_channel(target.site, target.key), kind="poll", data=data)
