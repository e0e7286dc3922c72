"""Talking to the EU Transparency Database: one batch of statements per POST to its batch
endpoint, with the bearer token it issued, patiently retried when it cannot answer.

Its answers (api-documentation.md): 201 with the statements created; 422 with errors keyed
`statement_<index>`, in which case none of the batch was created; 401 for a bad token; 5xx
when it is down (then we wait and try again, twice as long each time).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

from django.utils.translation import gettext as _

from gazette.moderation.conf import TransparencyDatabaseSettings
from gazette.moderation.exceptions import (
    TransparencyDatabaseNotConfigured,
    TransparencyDatabaseRefused,
    TransparencyDatabaseUnavailable,
)

# A statement the database already holds under this puid (a batch of ours it took before its
# answer reached us) counts as submitted, not as refused.
ALREADY_HELD = "not unique"
_RETRY_STATUSES = frozenset({HTTPStatus.TOO_MANY_REQUESTS, *range(500, 600)})


@dataclass
class BatchAnswer:
    """What the database made of one batch: puid → its id for those it holds now, and
    index in the batch → the database's message for those it refused."""

    accepted: dict[str, str] = field(default_factory=dict)
    refused: dict[int, str] = field(default_factory=dict)


def post_batch(
    statements: Sequence[Mapping[str, object]],
    *,
    conf: TransparencyDatabaseSettings,
) -> BatchAnswer:
    """POST one batch. Raises TransparencyDatabaseNotConfigured, TransparencyDatabaseRefused
    (token refused, or another 4xx), or TransparencyDatabaseUnavailable after
    `conf.attempts` tries that got no usable answer."""
    if not conf.url or not conf.token:
        raise TransparencyDatabaseNotConfigured
    if not conf.url.startswith(("https://", "http://")):
        raise TransparencyDatabaseNotConfigured(
            _("GAZETTE_TDB_URL must be an http:// or https:// address.")
        )
    body = json.dumps({"statements": list(statements)}, ensure_ascii=False).encode()
    wait = conf.retry_seconds
    for attempt in range(1, conf.attempts + 1):
        status, payload = _post(conf, body)
        if status is not None and status not in _RETRY_STATUSES:
            return _answer(status, payload, statements)
        if attempt < conf.attempts:
            time.sleep(wait)
            wait *= 2
    raise TransparencyDatabaseUnavailable


def _post(conf: TransparencyDatabaseSettings, body: bytes) -> tuple[int | None, Any]:
    """The status and the decoded JSON answer; no status when nothing answered."""
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked by post_batch
        conf.statements_url,
        data=body,
        method="POST",
        headers={
            "Authorization": f"Bearer {conf.token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=conf.timeout_seconds) as response:  # noqa: S310 - as above
            return response.status, _json(response.read())
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read())
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None, None


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8", "replace") or "null")
    except json.JSONDecodeError:
        return None


def _answer(status: int, payload: Any, statements: Sequence[Mapping[str, object]]) -> BatchAnswer:
    if status in (HTTPStatus.OK, HTTPStatus.CREATED):
        return BatchAnswer(accepted=_created(payload, statements))
    if status == HTTPStatus.UNPROCESSABLE_ENTITY:
        return _refusals(payload, statements)
    if status in (HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN):
        raise TransparencyDatabaseRefused(
            _(
                "The Transparency Database refused the token (HTTP %(status)s): check "
                "GAZETTE_TDB_TOKEN."
            )
            % {"status": status}
        )
    raise TransparencyDatabaseRefused(
        _("The Transparency Database answered HTTP %(status)s: %(message)s")
        % {"status": status, "message": _message(payload)}
    )


def _created(payload: Any, statements: Sequence[Mapping[str, object]]) -> dict[str, str]:
    created = payload.get("statements") if isinstance(payload, dict) else None
    ids = {
        str(item.get("puid")): str(item.get("uuid", ""))
        for item in created or []
        if isinstance(item, dict)
    }
    return {str(s["puid"]): ids.get(str(s["puid"]), "") for s in statements}


def _refusals(payload: Any, statements: Sequence[Mapping[str, object]]) -> BatchAnswer:
    """A 422: the statements it names are refused (or already held); the rest were not created
    either, and may be sent again without the refused ones."""
    errors = payload.get("errors") if isinstance(payload, dict) else None
    answer = BatchAnswer()
    for key, problems in (errors or {}).items():
        index = _index(key)
        if index is None or index >= len(statements) or not isinstance(problems, dict):
            continue
        text = "; ".join(_flatten(problems))
        if set(problems) == {"puid"} and ALREADY_HELD in text:
            answer.accepted[str(statements[index]["puid"])] = ""
        else:
            answer.refused[index] = text
    if not answer.refused and not answer.accepted:
        # A refusal the database did not tie to one statement: the whole batch is refused.
        message = _message(payload)
        answer.refused = dict.fromkeys(range(len(statements)), message)
    return answer


def _index(key: str) -> int | None:
    prefix, _sep, number = key.partition("_")
    return int(number) if prefix == "statement" and number.isdigit() else None


def _flatten(problems: dict[str, Any]) -> list[str]:
    return [
        f"{name}: {text}"
        for name, texts in problems.items()
        for text in (texts if isinstance(texts, list) else [texts])
    ]


def _message(payload: Any) -> str:
    if isinstance(payload, dict) and payload.get("message"):
        return str(payload["message"])
    return _("no explanation given")
