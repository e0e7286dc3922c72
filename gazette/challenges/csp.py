"""Where browsers report what the Content-Security-Policy blocked (settings.py declares the
policy): each report is logged, without the reader's address, within a rate per IP-hash, so a
page under attack or a script gone wrong shows in the logs and cannot flood them."""

from __future__ import annotations

import json
import logging

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from gazette.challenges.limits import Address, limit_action
from gazette.challenges.ratelimit import RateLimited
from gazette.core.network import request_ip_hash

logger = logging.getLogger(__name__)

_MAX_REPORT_BYTES = 8192
# What a report may say that helps find the cause; anything else (and any query string that
# could carry a reader's data) is left out of the log.
_KEPT_FIELDS = ("document-uri", "violated-directive", "effective-directive", "blocked-uri")


def _without_query(value: object) -> str:
    return str(value).split("?", 1)[0][:300]


@csrf_exempt  # sent by the browser itself, with no page of ours to carry a token
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Log one violation report (`application/csp-report`); 204 whatever it says."""
    try:
        limit_action("csp_report", Address(request_ip_hash(request)))
    except RateLimited:
        return HttpResponse(status=429)
    if len(request.body) > _MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponse(status=400)
    if not isinstance(report, dict):
        return HttpResponse(status=400)
    fields = {key: _without_query(report.get(key, "")) for key in _KEPT_FIELDS}
    logger.warning("Content-Security-Policy violation: %s", json.dumps(fields, sort_keys=True))
    return HttpResponse(status=204)
