"""An Atom feed of each article's published comments. Names and text only: never an e-mail
address or anything derived from an IP address."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from gazette.articles.models import Article
from gazette.comments import queries
from gazette.comments.models import Comment
from gazette.comments.views import _public_article

FEED_LENGTH = 50


class ArticleCommentsFeed(Feed[Comment, Article]):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, article_pk: int) -> Article:
        return _public_article(article_pk)

    # Django calls `language` with the object when it is a method; the stubs know it only as an
    # attribute.
    # Django's stubs declare language as an attribute; a method is what lets it vary per feed.
    def language(self, obj: Article) -> str:  # type: ignore[override]  # see above
        return obj.language

    def title(self, obj: Article) -> str:
        return _("Comments on “%(headline)s”") % {"headline": obj.headline}

    def subtitle(self, obj: Article) -> str:
        return _("The latest published comments on this article.")

    def link(self, obj: Article) -> str:
        return obj.get_absolute_url() + "#comments"

    def items(self, obj: Article) -> list[Comment]:
        thread = queries.thread_of_article(obj)
        return queries.feed_comments(thread, FEED_LENGTH) if thread is not None else []

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
