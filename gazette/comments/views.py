"""Comment pages and actions. Each works as a plain form post; sent with `Accept:
application/json` (as comments.js does) it answers JSON instead, for in-place updates."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from gazette.accounts.identity import known_reader_required
from gazette.accounts.readers import reader_of, remember_reader
from gazette.articles.editions import address_in
from gazette.articles.models import Article
from gazette.articles.queries import public_articles
from gazette.challenges.limits import limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.comments import nudges, queries, seam, services
from gazette.comments.authorship import proof_of, remember_authorship
from gazette.comments.discussion import discussion_for
from gazette.comments.exceptions import CommentError, CommentRejected
from gazette.comments.forms import CommentForm, EditCommentForm, LikeForm
from gazette.comments.models import Comment, Thread
from gazette.comments.rendering import EntryRenderer, Viewer, count_label
from gazette.comments.services.text import as_stored
from gazette.core.http import wants_json


def _public_article(pk: int) -> Article:
    return get_object_or_404(public_articles().select_related("section"), pk=pk)


def _form_refused(
    request: HttpRequest, article: Article, form: CommentForm, status: int = 400
) -> HttpResponse:
    if wants_json(request):
        errors = {
            field or "__all__": [str(message) for message in messages_]
            for field, messages_ in form.errors.items()
        }
        return JsonResponse({"errors": errors}, status=status)
    context = {"article": article, "discussion": discussion_for(request, article, form=form)}
    return render(request, "comments/form_page.html", context, status=status)


@require_POST
def post_comment(request: HttpRequest, article_pk: int) -> HttpResponse:
    """Post a comment or a reply to an article's thread (after one nudge, if screening would
    hold its words)."""
    article = _public_article(article_pk)
    nudge = _nudge(request, article)
    if nudge is not None:
        return nudge
    reader = reader_of(request)
    # The form spends the Captcha and counts the comment or reply rate in one transaction.
    form = CommentForm(request.POST, request=request, actor=reader, target=str(article.pk))
    if not form.is_valid():
        if form.rate_limited is None:
            return _form_refused(request, article, form)
        response = _form_refused(request, article, form, status=form.rate_limited.status)
        response["Retry-After"] = str(form.rate_limited.retry_after)
        return response
    try:
        comment = services.post_comment(
            thread=services.thread_for_article(article),
            reader=reader,
            name=form.cleaned_data.get("name") or "",
            email=form.cleaned_data.get("email") or "",
            body=form.cleaned_data["body"],
            parent_id=form.cleaned_data.get("parent"),
            language=get_language() or "en",
            human_check=form.human_check,
            notify=form.cleaned_data.get("notify", False),
            nudged=nudges.outcome_of(
                form.cleaned_data.get("nudged", ""), form.cleaned_data["body"]
            ),
        )
    except CommentError as exc:
        form.add_error(None, exc.message)
        # Refused under the Comment Policy (a sanction in force, or screening): forbidden, not
        # malformed.
        status = 403 if isinstance(exc, CommentRejected) else 400
        return _form_refused(request, article, form, status=status)
    response = _posted(request, comment)
    remember_reader(response, reader, secure=request.is_secure())
    remember_authorship(response, request, comment)
    return response


def _nudge(request: HttpRequest, article: Article) -> HttpResponse | None:
    """Before the form is checked (the captcha is not spent on it): the words screening would
    hold, shown once, with the form as written, so the reader may rephrase it."""
    body = request.POST.get("body", "")
    if not body.strip() or nudges.outcome_of(request.POST.get(nudges.FIELD, ""), body):
        return None
    # The text as the post would store it: screening the post then finds it assessed already.
    words = seam.moderation().nudge(as_stored(body))
    if not words:
        return None
    # Only a nudge shown is counted (a look at screening without spending a captcha): counting
    # every post as well would add a write transaction to each.
    try:
        limit_action("nudge", reader_of(request))
    except RateLimited:
        return None  # no nudge then: the post is screened as usual
    seam.moderation().record_nudge(services.thread_for_article(article))
    message = _(
        "Before you post: our Comment Policy may not allow these words: %(words)s. You can "
        "rephrase your comment. If you send it as it is, a moderator will read it before it "
        "appears."
    ) % {"words": ", ".join(f"“{word}”" for word in words)}
    token = nudges.token_for(body)
    if wants_json(request):
        return JsonResponse({"nudge": {"message": message, "words": words, "token": token}})
    fields = ("name", "email", "body", "notify", "accept_policy", "parent")
    initial = {name: request.POST.get(name, "") for name in fields}
    form = CommentForm(
        initial={**initial, nudges.FIELD: token}, request=request, target=str(article.pk)
    )
    context = {
        "article": article,
        "discussion": discussion_for(request, article, form=form),
        "nudge": message,
    }
    return render(request, "comments/form_page.html", context)


def posted_message(comment: Comment) -> str:
    """What the writer of a new comment is told (the pages and the API say the same)."""
    if not comment.is_published:
        return _("Thank you. Your comment is held for review and will appear once approved.")
    if comment.subscription is not None and not comment.subscription.is_active:
        return _("Your comment is published. Check your e-mail to confirm reply notifications.")
    return _("Your comment is published.")


def _posted(request: HttpRequest, comment: Comment) -> HttpResponse:
    message: str = posted_message(comment)
    status_url = seam.moderation().status_url(comment)
    if status_url and not wants_json(request):
        message = format_html(
            '{} <a href="{}">{}</a>',
            message,
            status_url,
            _("Keep this private link to follow your comment."),
        )
    if wants_json(request):
        html = ""
        if comment.is_published:
            viewer = Viewer(
                csrf_token=get_token(request),
                liked_ids=frozenset(),
                changeable_ids=frozenset({comment.pk}),
            )
            html = str(EntryRenderer(viewer).entry(queries.Entry(comment, comment.depth)))
        comment.thread.refresh_from_db(fields=["comment_count"])
        return JsonResponse(
            {
                "id": comment.pk,
                "parent": comment.parent_id,
                "state": comment.state,
                "html": html,
                "message": message,
                "status_url": status_url,
                "status_label": _("Keep this private link to follow your comment."),
                "count": comment.thread.comment_count,
                "count_label": count_label(comment.thread.comment_count),
            },
            status=201,
        )
    if comment.is_published:
        messages.success(request, message)
        return HttpResponseRedirect(comment.get_absolute_url())
    messages.info(request, message)
    return HttpResponseRedirect(_page_url(comment.thread) + "#comments")


def _page_url(thread: Thread) -> str:
    """The thread's page in the reader's edition (an article's other script included)."""
    if thread.article is None:
        return thread.page_url
    return address_in(thread.article, get_language() or settings.LANGUAGE_CODE)


@require_safe
def permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """Open the page of the thread that shows this comment, scrolled to it."""
    comment = get_object_or_404(
        Comment.objects.select_related("thread__article__section").exclude(
            state=Comment.State.PENDING
        ),
        pk=pk,
    )
    article = comment.thread.article
    if article is None or not article.is_public:
        raise Http404
    if queries.is_beyond_first_replies(comment):
        replies = reverse("comments:replies", kwargs={"pk": comment.root_id})
        return HttpResponseRedirect(f"{replies}#{comment.anchor}")
    page = queries.page_of(comment)
    query = f"?cpage={page}" if page > 1 else ""
    return HttpResponseRedirect(f"{_page_url(comment.thread)}{query}#{comment.anchor}")


@require_safe
def replies_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A top-level comment with every reply under it: where "N more replies" leads."""
    root = get_object_or_404(
        Comment.objects.select_related("thread__article__section").filter(
            parent__isnull=True,
            state__in=[Comment.State.PUBLISHED, Comment.State.DELETED, Comment.State.REMOVED],
        ),
        pk=pk,
    )
    article = root.thread.article
    if article is None or not article.is_public:
        raise Http404
    entries = queries.replies_of(root)
    if not entries:
        raise Http404
    reader = reader_of(request)
    ids = [entry.comment.pk for entry in entries if entry.comment.is_published]
    viewer = Viewer(
        csrf_token=get_token(request),
        liked_ids=queries.liked_among(
            ids, reader.user_id, "" if reader.is_new else reader.anonymous_id
        ),
        changeable_ids=frozenset(),
    )
    context = {
        "article": article,
        "root": root,
        "entries_html": EntryRenderer(viewer).render(entries),
    }
    return render(request, "comments/replies.html", context)


@require_safe
def thread_page(request: HttpRequest, article_pk: int) -> HttpResponse:
    """A page of a thread as an HTML fragment, for 'load more' (the page itself links to the
    same page of the article when scripts are off)."""
    article = _public_article(article_pk)
    return render(
        request,
        "comments/_entries_page.html",
        {"article": article, "discussion": discussion_for(request, article)},
    )


def _own_comment(request: HttpRequest, pk: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("thread__article__section").filter(
            state__in=[Comment.State.PUBLISHED, Comment.State.PENDING]
        ),
        pk=pk,
    )
    if not proof_of(request).owns(comment):
        raise Http404
    return comment


def edit_comment(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.edit_comment(
                comment_id=comment.pk,
                proof=proof_of(request),
                body=form.cleaned_data["body"],
            )
        except CommentError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your comment has been changed."))
            return HttpResponseRedirect(
                comment.get_absolute_url()
                if comment.is_published
                else _page_url(comment.thread) + "#comments"
            )
    if request.method == "POST":
        status = 400
    return render(request, "comments/edit.html", {"comment": comment, "form": form}, status=status)


def delete_comment(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    if request.method != "POST":
        return render(request, "comments/delete.html", {"comment": comment})
    try:
        services.delete_comment(comment_id=comment.pk, proof=proof_of(request))
    except CommentError as exc:
        messages.error(request, exc.message)
        return render(request, "comments/delete.html", {"comment": comment}, status=400)
    messages.success(request, _("Your comment has been deleted."))
    return HttpResponseRedirect(_page_url(comment.thread) + "#comments")


@require_POST
@known_reader_required
def like_comment(request: HttpRequest, pk: int) -> HttpResponse:
    form = LikeForm(request.POST)
    form.is_valid()
    reader = reader_of(request)
    comment = get_object_or_404(Comment.objects.select_related("thread"), pk=pk)
    response: HttpResponse
    try:
        limit_action("like", reader)
        liked, count = services.like_comment(
            comment_id=comment.pk,
            reader=reader,
            liked=form.cleaned_data.get("liked", False),
        )
    except (RateLimited, CommentError) as exc:
        if wants_json(request):
            return JsonResponse(
                {"error": exc.message}, status=exc.status if isinstance(exc, RateLimited) else 400
            )
        messages.error(request, exc.message)
        return HttpResponseRedirect(comment.get_absolute_url())
    if wants_json(request):
        label = _("Liked") if liked else _("Like")
        response = JsonResponse({"liked": liked, "count": count, "label": label})
    else:
        response = HttpResponseRedirect(comment.get_absolute_url())
    return response
