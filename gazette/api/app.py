"""The JSON API, version 1: one NinjaAPI with the readers' routers, its refusals as problem
details, its OpenAPI 3.1 schema at /api/v1/openapi.json and its reference page at
/api/v1/docs/, both served from our own static files."""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_update
from django.http import HttpRequest
from ninja import NinjaAPI, Swagger
from ninja.parser import Parser
from ninja.types import DictStrAny

from gazette.api import (
    comments,
    openapi,
    policy,
    polls,
    problems,
    readers,
    sign_on,
    staff,
    threads,
)

# Comments are at most a few thousand characters; nothing the API takes needs more.
MAX_BODY_BYTES = 64 * 1024


class BoundedParser(Parser):
    """JSON bodies up to MAX_BODY_BYTES; a larger one is refused (413) before it is parsed."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        declared = request.headers.get("Content-Length", "0")
        if (declared.isdigit() and int(declared) > MAX_BODY_BYTES) or len(
            request.body
        ) > MAX_BODY_BYTES:
            raise problems.PayloadTooLarge
        return super().parse_body(request)


class GazetteApi(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: DictStrAny | None = None
    ) -> Any:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return openapi.publish(schema)


api = GazetteApi(
    title="Gazette API",
    version="1",
    description=(
        "Discussions, polls and the Comment Policy of the newsroom, for its own pages and the "
        "sites it registers. Refusals are RFC 9457 problem details."
    ),
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    # Swagger UI runs under the site's policy (its scripts are ours, no inline script or
    # eval); its stylesheet draws a few icons from data: images, allowed on this page alone.
    docs_decorator=csp_update({"img-src": ["data:"]}),
    openapi_url="/openapi.json",
    parser=BoundedParser(),
)
problems.install(api)
for router in (
    threads.router,
    comments.router,
    polls.router,
    policy.router,
    readers.router,
    sign_on.router,
    staff.router,
):
    api.add_router("", router)
