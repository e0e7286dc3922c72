"""Atom feeds of published comments: one per article, and the latest on all of an edition's
articles. Names and text only: never an e-mail address or anything derived from an IP address."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, SyndicationFeed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from gazette.articles.models import Article
from gazette.comments import queries
from gazette.comments.models import Comment
from gazette.comments.views import _public_article

FEED_LENGTH = 50


class CommentsFeed(Feed[Comment, Article | None]):
    """What every comment feed shares: how one comment reads as an entry."""

    feed_type = Atom1Feed

    def item_title(self, item: Comment) -> str:
        return _("%(name)s wrote") % {"name": item.shown_name}

    def item_description(self, item: Comment) -> str:
        return item.body_html

    def item_link(self, item: Comment) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Comment) -> str:
        return f"comment-{item.pk}"

    def item_guid_is_permalink(self, item: Comment) -> bool:
        return False

    def item_author_name(self, item: Comment) -> str:
        return item.shown_name

    def item_pubdate(self, item: Comment) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Comment) -> datetime:
        return item.edited_at or item.created_at


class ArticleCommentsFeed(CommentsFeed):
    def get_object(self, request: HttpRequest, article_pk: int) -> Article:
        return _public_article(article_pk)

    def get_feed(self, obj: Article | None, request: HttpRequest) -> SyndicationFeed:
        # Django takes a feed's language from a class attribute, one for every article; the
        # feed speaks the article's own (its `xml:lang`).
        feed = super().get_feed(obj, request)
        if obj is not None:
            feed.feed["language"] = obj.language
        return feed

    def title(self, obj: Article) -> str:
        return _("Comments on “%(headline)s”") % {"headline": obj.headline}

    def subtitle(self, obj: Article) -> str:
        return _("The latest published comments on this article.")

    def link(self, obj: Article) -> str:
        return obj.get_absolute_url() + "#comments"

    def items(self, obj: Article) -> list[Comment]:
        thread = queries.thread_of_article(obj)
        return queries.feed_comments(thread, FEED_LENGTH) if thread is not None else []


class LatestCommentsFeed(CommentsFeed):
    """The newest published comments on every article of the edition the URL is in."""

    def title(self, obj: None) -> str:
        return _("Latest comments | %(site)s") % {"site": settings.GAZETTE_SITE_NAME}

    def subtitle(self, obj: None) -> str:
        return _("The latest published comments on all articles of %(site)s.") % {
            "site": settings.GAZETTE_SITE_NAME
        }

    def link(self, obj: None) -> str:
        return reverse("articles:home")

    def items(self, obj: None) -> list[Comment]:
        return queries.latest_comments(get_language() or settings.LANGUAGE_CODE, FEED_LENGTH)

    def item_title(self, item: Comment) -> str:
        return _("%(name)s on “%(headline)s”") % {
            "name": item.author_name,
            "headline": item.thread.title,
        }
