"""The comment panel under an article (`{% comment_section article as discussion %}`) and the
front page's "most discussed" list (`{% most_discussed as articles %}`)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from gazette.articles.models import Article
from gazette.comments import formcache, popular, queries
from gazette.comments.discussion import Discussion, discussion_for
from gazette.comments.queries import EditionDiscussion
from gazette.comments.rendering import EntryRenderer, Viewer
from gazette.live.channels import page_channel

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_section(context: template.Context, article: Article) -> Discussion:
    existing = context.get("discussion")
    if isinstance(existing, Discussion) and existing.article.pk == article.pk:
        return existing
    return discussion_for(context["request"], article)


@register.simple_tag
def edition_discussions(article: Article, editions: object) -> list[EditionDiscussion]:
    """The story's threads in the other editions; none where the page has no `editions`."""
    if not isinstance(editions, list):
        return []
    return queries.edition_discussions(article, editions)


@register.simple_tag(takes_context=True)
def comment_form(context: template.Context, discussion: Discussion) -> SafeString:
    """The comment form (or why there is none), as comments/_form.html renders it."""
    return formcache.comment_form(context, discussion)


@register.simple_tag(takes_context=True)
def comment_entries(context: template.Context, discussion: Discussion) -> SafeString:
    """The comments of a thread page, as list items."""
    listing = discussion.listing
    token = str(context.get("csrf_token", ""))
    viewer = Viewer(
        # Pages kept for every reader carry no token (core/pages.py).
        csrf_token="" if token == "NOTPROVIDED" else token,  # noqa: S105 - Django's marker
        liked_ids=discussion.liked_ids,
        changeable_ids=discussion.changeable_ids,
        sort=listing.sort,
        page=listing.page.number if listing.page is not None else None,
    )
    return EntryRenderer(viewer).compose(listing.parts)


@register.simple_tag
def most_discussed() -> list[Article]:
    return popular.most_discussed(get_language() or settings.LANGUAGE_CODE)


@register.simple_tag
def live_stream(article: Article) -> str:
    """The address of the live updates of the article's page (its discussion and its poll):
    the same for every reader, so a kept page may carry it."""
    channel = page_channel(queries.site_id(), queries.article_thread_key(article))
    query = urlencode({"channel": channel, "lang": get_language() or settings.LANGUAGE_CODE})
    return f"{reverse('live:stream')}?{query}"
