"""The comment panel under an article: `{% comment_section article as discussion %}`."""

from __future__ import annotations

from django import template

from gazette.articles.models import Article
from gazette.comments.discussion import Discussion, discussion_for

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context: template.Context, article: Article) -> Discussion:
    existing = context.get("discussion")
    if isinstance(existing, Discussion) and existing.article.pk == article.pk:
        return existing
    return discussion_for(context["request"], article)
