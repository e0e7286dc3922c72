"""The poll under an article: `{% reaction_poll %}` in reactions/panel.html."""

from __future__ import annotations

from django import template

from gazette.accounts.readers import reader_of
from gazette.reactions import queries

register = template.Library()


@register.inclusion_tag("reactions/poll.html", takes_context=True)
def reaction_poll(context: template.Context) -> dict[str, object]:
    article = context["article"]
    request = context["request"]
    return {
        "article": article,
        "poll": queries.poll_for(article, reader_of(request)),
        "csrf_token": context.get("csrf_token"),
    }
