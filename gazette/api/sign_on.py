"""Single sign-on: a host site with accounts of its own signs its reader in, and the widget
then calls as that reader's account here (docs/embedding.md)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from gazette.accounts.readers import Reader, reader_token
from gazette.api import caching
from gazette.api.identity import site_for_call
from gazette.api.problems import ProblemOut
from gazette.api.schemas import SignedOnOut, SignOn
from gazette.core.network import request_ip_hash
from gazette.sites import services

router = Router(tags=["readers"])

ERRORS: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409, 413, 422), ProblemOut)


@router.post("/sites/{key}/sso", response={200: SignedOnOut, **ERRORS})
def sign_on(request: HttpRequest, response: HttpResponse, key: str, payload: SignOn) -> Any:
    """Sign in a reader of the host site: its account here is created on first use and kept up
    to date after. Each token is accepted once; a refused one changes nothing."""
    caching.never_kept(response)
    site = site_for_call(request, key)
    user = services.sign_in_through_site(site=site, token=payload.token)
    reader = Reader.signed_in(user, ip_hash=request_ip_hash(request))
    return {"reader_token": reader_token(reader), "name": user.public_name}
