"""The newsroom dashboard's pages: the overview (with its downloads), an article's panel, and
the weekly digest's opt-in and one-click unsubscribe."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from gazette.accounts.models import User
from gazette.articles.models import Article
from gazette.newsroom import digest, downloads, panel, presentation, queries, services
from gazette.newsroom.figures import normalised_sort
from gazette.newsroom.forms import FiguresForm
from gazette.newsroom.models import DigestSubscription
from gazette.newsroom.policy import Period

DASHBOARD = panel.DASHBOARD_PERMISSION


def editors_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    return login_required(permission_required(DASHBOARD, raise_exception=True)(view))


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


@require_safe
@editors_only
def overview(request: HttpRequest) -> HttpResponse:
    form = FiguresForm(request.GET)
    if not form.is_valid():
        return render(request, "newsroom/overview.html", {"form": form}, status=400)
    period = form.chosen(timezone.localdate())
    edition = form.cleaned_data.get("edition") or ""
    sort = normalised_sort(request.GET.get("sort"))
    wanted = request.GET.get("format")
    if wanted in {"csv", "json"}:
        return _download(request, wanted, period, edition, sort)
    figures = queries.overview(period, edition, language=_language(), sort=sort)
    context = {
        "form": form,
        "overview": figures,
        "charts": presentation.overview_charts(figures),
        "sort": sort,
        "query": _query_without(request, "sort", "format", "table"),
        "subscription": _subscription_of(request),
    }
    return render(request, "newsroom/overview.html", context)


def _query_without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _subscription_of(request: HttpRequest) -> DigestSubscription | None:
    user = request.user
    if not isinstance(user, User):
        return None
    return DigestSubscription.objects.filter(user=user, unsubscribed_at=None).first()


def _download(
    request: HttpRequest, wanted: str, period: Period, edition: str, sort: str
) -> HttpResponse:
    table = request.GET.get("table", "articles")
    if table not in downloads.TABLES:
        raise Http404
    records = queries.table_records(table, period, edition, language=_language(), sort=sort)
    if wanted == "csv":
        return downloads.csv_file(table, period, edition, records, downloads.fields_of(table))
    as_of = queries.figures_as_of()
    return downloads.json_file(
        table, period, edition, records, as_of.isoformat() if as_of else None
    )


@require_safe
@login_required
def article_panel(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    if not isinstance(request.user, User) or not panel.may_open_panel(request.user, article):
        raise PermissionDenied
    figures = panel.article_panel(article)
    context = {"panel": figures, "charts": presentation.panel_charts(figures)}
    return render(request, "newsroom/article.html", context)


@require_safe
@login_required
def own_articles(request: HttpRequest) -> HttpResponse:
    """An author's own articles, each with a link to its panel."""
    assert isinstance(request.user, User)  # noqa: S101 - login_required came first
    articles = panel.own_articles(request.user)
    return render(request, "newsroom/own_articles.html", {"articles": articles})


@require_POST
@editors_only
def digest_choice(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login_required came first
    if request.POST.get("digest") == "on":
        services.subscribe_to_digest(
            user=user, language=_language(), edition=request.POST.get("edition", "")
        )
        messages.success(request, _("You will receive the weekly digest by e-mail."))
    else:
        subscription = _subscription_of(request)
        if subscription is not None:
            services.unsubscribe_from_digest(subscription_id=subscription.pk)
        messages.success(request, _("You will no longer receive the weekly digest."))
    return HttpResponseRedirect(reverse("newsroom:overview"))


@csrf_exempt  # one-click unsubscribe comes from mail clients, authorised by the signed token
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription_id = digest.subscription_of_token(token)
    if subscription_id is None:
        return render(request, "newsroom/unsubscribe.html", {"state": "invalid"}, status=400)
    if request.method != "POST":
        return render(request, "newsroom/unsubscribe.html", {"state": "unsubscribe"})
    if services.unsubscribe_from_digest(subscription_id=subscription_id) is None:
        return render(request, "newsroom/unsubscribe.html", {"state": "invalid"}, status=400)
    return render(request, "newsroom/unsubscribe.html", {"state": "unsubscribed"})
