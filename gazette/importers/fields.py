"""Reading one field of a source record: dates with their time zone, booleans, e-mail
addresses. Each raises FieldFault with a reason the report can show."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

_TRUE = frozenset({"true", "1"})
_FALSE = frozenset({"false", "0", ""})
# WordPress writes this for a date it never set (a draft's GMT date).
_WORDPRESS_NO_DATE = "0000-00-00 00:00:00"


class FieldFault(ValueError):  # noqa: N818 - named for what it is, as our domain errors are
    """A field whose value cannot be read; the message names it."""


Value = TypeVar("Value")


def collected(
    faults: list[str], read: Callable[[str, str], Value], value: str, name: str
) -> Value | None:
    """The field read, or None with its fault added: a record's report names all its faults."""
    try:
        return read(value, name)
    except FieldFault as exc:
        faults.append(str(exc))
        return None


def boolean(value: str, name: str) -> bool:
    folded = value.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise FieldFault(
        _("%(field)s is neither true nor false: %(value)s") % {"field": name, "value": value[:40]}
    )


def timestamp(value: str, name: str) -> datetime:
    """An ISO 8601 date and time; one written without a zone is taken as UTC, as Disqus and
    WordPress's *_gmt fields mean it."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise FieldFault(
            _("%(field)s is not a date: %(value)s") % {"field": name, "value": text[:40]}
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def wordpress_timestamp(gmt: str, local: str) -> datetime:
    """A WordPress comment's or post's time: the GMT field, else the local one (taken as UTC,
    for lack of the site's zone)."""
    if gmt.strip() and gmt.strip() != _WORDPRESS_NO_DATE:
        return timestamp(gmt, "date_gmt")
    return timestamp(local, "date")


def unix_timestamp(value: object, name: str) -> datetime:
    try:
        return datetime.fromtimestamp(float(value), tz=UTC)  # type: ignore[arg-type] # checked by the except
    except (TypeError, ValueError, OverflowError, OSError):
        raise FieldFault(
            _("%(field)s is not a date: %(value)s") % {"field": name, "value": str(value)[:40]}
        ) from None


def email(value: str) -> str:
    """The address, or "" when the source's value is not one (kept private either way)."""
    address = value.strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address[:254]
