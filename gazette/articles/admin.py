"""The editors' desk: articles, sections, authors, photos and tags in the Django admin."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from gazette.articles import services
from gazette.articles.forms import ArticleAdminForm
from gazette.articles.models import (
    Article,
    Author,
    Byline,
    Photo,
    Section,
    SectionName,
    Tag,
    TagName,
)
from gazette.articles.templatetags.articles import body_html


class SectionNameInline(admin.TabularInline[SectionName, Section]):
    model = SectionName
    extra = 0


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin[Section]):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name", "slug", "translations__name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [SectionNameInline]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin[Author]):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    raw_id_fields = ("account",)


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin[Photo]):
    list_display = ("thumbnail", "alt_text", "credit", "created_at")
    search_fields = ("caption", "credit", "alt_text")

    def save_model(self, request: HttpRequest, obj: Photo, form: Any, change: bool) -> None:  # noqa: FBT001 - Django's signature
        services.save_photo(photo=obj, image_changed="image" in form.changed_data)

    @admin.display(description=_("photo"))
    def thumbnail(self, photo: Photo) -> SafeString:
        return format_html('<img src="{}" alt="" width="96">', photo.image.url)


class TagNameInline(admin.TabularInline[TagName, Tag]):
    model = TagName
    extra = 0


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    list_display = ("name", "slug")
    search_fields = ("name", "translations__name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [TagNameInline]


class BylineInline(admin.TabularInline[Byline, Article]):
    model = Byline
    extra = 1
    autocomplete_fields = ("author",)


def preview_url(article: Article) -> str:
    """The editors' preview, under the article's own edition so the page speaks its language."""
    with translation.override(article.language):
        return reverse("articles:preview", kwargs={"pk": article.pk})


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    form = ArticleAdminForm
    list_display = (
        "headline",
        "byline",
        "section",
        "language",
        "status",
        "published_at",
        "preview_link",
    )
    list_filter = ("status", "language", "section", "published_at")
    search_fields = ("headline", "standfirst", "body", "bylines__author__name")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("lead_photo", "original", "tags")
    inlines = [BylineInline]
    list_select_related = ("section",)
    actions = ["publish_now"]
    fieldsets = (
        (None, {"fields": ("headline", "slug", "standfirst", "section", "language", "original")}),
        (_("Story"), {"fields": ("lead_photo", "dateline", "body", "tags")}),
        (
            _("Publishing"),
            {
                "fields": ("status", "published_at", "revised_at"),
                "description": _(
                    "Choose Scheduled and a future publish time to publish later; "
                    "Published with no time publishes now. Readers never see drafts."
                ),
            },
        ),
    )

    class Media:
        # The body's live preview, rendered on the server by the page's own renderer.
        js = ("articles/admin_preview.js",)
        css = {"all": ("articles/admin_preview.css",)}

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "preview-body/",
            self.admin_site.admin_view(self.preview_body),
            name="articles_article_preview_body",
        )
        return [preview, *super().get_urls()]

    def preview_body(self, request: HttpRequest) -> HttpResponse:
        """The body as the article page will show it (the same renderer), for the editor."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        html = body_html(request.POST.get("body", ""), request.POST.get("dateline", "").strip())
        return HttpResponse(html, content_type="text/html; charset=utf-8")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        bylines = Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        return super().get_queryset(request).prefetch_related(bylines)

    def save_model(
        self,
        request: HttpRequest,
        obj: Article,
        form: Any,
        change: bool,  # noqa: FBT001 - Django's signature
    ) -> None:
        # In the admin's transaction: search finds the article as it was saved, or not at all.
        super().save_model(request, obj, form, change)
        services.index_article(article=obj)

    def view_on_site(self, obj: Article) -> str:
        return preview_url(obj)

    @admin.display(description=_("byline"))
    def byline(self, article: Article) -> str:
        return ", ".join(author.name for author in article.byline_authors)

    @admin.display(description=_("preview"))
    def preview_link(self, article: Article) -> SafeString:
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            preview_url(article),
            gettext("Preview"),
        )

    @admin.action(description=_("Publish the selected articles now"))
    def publish_now(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = services.publish_articles(article_ids=queryset.values_list("pk", flat=True))
        message = ngettext(
            "%(count)d article published.", "%(count)d articles published.", count
        ) % {"count": count}
        self.message_user(request, message)
