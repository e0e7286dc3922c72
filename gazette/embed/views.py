"""The two addresses a host page loads: the stable loader `/embed.js` and the widget's texts.

The loader is a few bytes kept for five minutes; it starts the widget's script and stylesheet
under their content-hashed names, which are kept for a year. So a new release reaches every
host page within five minutes, and nothing else is downloaded twice.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from gazette.core.http import absolute_url
from gazette.embed.strings import widget_strings

LOADER_SECONDS = 300
# The strings' address carries the release (the script's hashed name), so it may be kept long.
STRINGS_SECONDS = 86_400
WIDGET_SCRIPT = "embed/embed.js"
WIDGET_STYLES = "embed/embed.css"

_LOADER = """(function(d){var s=d.createElement("script");s.src=%(script)s;s.async=true;\
s.setAttribute("data-gazette",%(config)s);d.head.appendChild(s)})(document);
"""


@require_GET
def loader(request: HttpRequest) -> HttpResponse:
    """A tiny script that adds the widget's hashed script to the host page, with where to find
    the API, the stylesheet and the texts."""
    script = absolute_url(static(WIDGET_SCRIPT), request=request)
    config = {
        "api": absolute_url("/api/v1", request=request),
        "events": absolute_url(reverse("live:stream"), request=request),
        "css": absolute_url(static(WIDGET_STYLES), request=request),
        "strings": absolute_url(
            reverse("embed:strings", kwargs={"edition": "LANG"}), request=request
        )
        + "?v="
        + static(WIDGET_SCRIPT).rsplit("/", 1)[-1],
    }
    body = _LOADER % {"script": json.dumps(script), "config": json.dumps(json.dumps(config))}
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=LOADER_SECONDS)
    # Any page may load it as a script; it holds nothing personal.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@require_GET
def strings(request: HttpRequest, edition: str) -> JsonResponse:
    """The widget's texts in one edition's language (404 for an edition we do not publish)."""
    if edition not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(edition):
        response = JsonResponse(widget_strings(), json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=STRINGS_SECONDS)
    # The same public text for every page that asks, and never with credentials.
    response["Access-Control-Allow-Origin"] = "*"
    return response
