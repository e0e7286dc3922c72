"""The poll under an article: `{% reaction_poll %}` in reactions/panel.html."""

from __future__ import annotations

from django import template

from gazette.accounts.readers import reader_of
from gazette.core import pages
from gazette.reactions import caching, queries

register = template.Library()


@register.inclusion_tag("reactions/poll.html", takes_context=True)
def reaction_poll(context: template.Context) -> dict[str, object]:
    article = context["article"]
    request = context["request"]
    if pages.is_shared(request):
        pages.stamp(caching.STAMP_KEY)
    return {
        "article": article,
        "poll": queries.poll_for(article, reader_of(request)),
        "csrf_token": context.get("csrf_token"),
    }
