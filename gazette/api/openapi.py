"""The schema as published, beyond what django-ninja writes by itself: refusals documented
with the content type they are sent with, the identity headers each operation reads, and the
links between operations (a thread's ID in a thread page leads to posting, its poll, its
comments), which clients and Schemathesis's stateful tests follow."""

from __future__ import annotations

from typing import Any

from gazette.api.identity import AUTHOR_HEADER, READER_HEADER
from gazette.api.problems import CONTENT_TYPE

PREFIX = "gazette_api_"
THREAD_PAGES = ("threads_thread_of_page", "threads_thread_of_article", "threads_thread_by_id")
# Operations that read the reader's token (to show their likes or vote, or to count a write).
READER_OPERATIONS = (
    *THREAD_PAGES,
    "threads_replies",
    "comments_post_comment",
    "comments_like_comment",
    "comments_unlike_comment",
    "comments_report_comment",
    "polls_poll",
    "polls_vote",
    "polls_withdraw",
    "readers_new_reader",
)
AUTHOR_OPERATIONS = ("comments_edit_comment", "comments_delete_comment")

_THREAD_ID = "$response.body#/thread/id"
_FIRST_COMMENT = "$response.body#/comments/0/id"
_POSTED = "$response.body#/comment/id"
LINKS: dict[tuple[str, str], dict[str, tuple[str, dict[str, str]]]] = {
    **{
        (page, "200"): {
            "ThreadPage": ("threads_thread_by_id", {"thread_id": _THREAD_ID}),
            "PostComment": ("comments_post_comment", {"thread_id": _THREAD_ID}),
            "Poll": ("polls_poll", {"thread_id": _THREAD_ID}),
            "Vote": ("polls_vote", {"thread_id": _THREAD_ID}),
            "Location": ("threads_location", {"comment_id": _FIRST_COMMENT}),
            "Replies": ("threads_replies", {"comment_id": _FIRST_COMMENT}),
            "Like": ("comments_like_comment", {"comment_id": _FIRST_COMMENT}),
            "Report": ("comments_report_comment", {"comment_id": _FIRST_COMMENT}),
        }
        for page in THREAD_PAGES
    },
    ("comments_post_comment", "201"): {
        "Edit": (
            "comments_edit_comment",
            {"comment_id": _POSTED, f"header.{AUTHOR_HEADER}": "$response.body#/author_token"},
        ),
        "Delete": (
            "comments_delete_comment",
            {"comment_id": _POSTED, f"header.{AUTHOR_HEADER}": "$response.body#/author_token"},
        ),
        "Location": ("threads_location", {"comment_id": _POSTED}),
    },
}


def _header(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "header",
        "required": False,
        "description": description,
        "schema": {"type": "string"},
    }


def _problems_as_problems(operation: dict[str, Any]) -> None:
    for status, answer in operation.get("responses", {}).items():
        content = answer.get("content")
        if int(status) >= 400 and content and "application/json" in content:  # noqa: PLR2004
            answer["content"] = {CONTENT_TYPE: content["application/json"]}


def _identity_headers(name: str, operation: dict[str, Any]) -> None:
    parameters = operation.setdefault("parameters", [])
    if name in READER_OPERATIONS:
        parameters.append(_header(READER_HEADER, "The reader token (POST /api/v1/readers)."))
    if name in AUTHOR_OPERATIONS:
        parameters.append(_header(AUTHOR_HEADER, "The author token returned when posting."))


def _links(name: str, operation: dict[str, Any]) -> None:
    for status, answer in operation.get("responses", {}).items():
        for link, (target, parameters) in LINKS.get((name, status), {}).items():
            answer.setdefault("links", {})[link] = {
                "operationId": PREFIX + target,
                "parameters": parameters,
            }


def publish(schema: dict[str, Any]) -> dict[str, Any]:
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            name = str(operation.get("operationId", "")).removeprefix(PREFIX)
            _problems_as_problems(operation)
            _identity_headers(name, operation)
            _links(name, operation)
    return schema
