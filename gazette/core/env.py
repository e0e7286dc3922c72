"""Typed readers for environment variables, used by settings.py only."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigurationError(Exception):
    """An environment variable is missing or malformed."""


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ConfigurationError(f"Set the environment variable {name}.")
    return value


def env_bool(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    return _parsed(name, default, int, "a whole number")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_json(name: str, default: dict[str, object]) -> dict[str, object]:
    """A JSON object, e.g. GAZETTE_RATES='{"vote": {"ip": "60/3600"}}'."""
    value = _parsed(name, default, json.loads, "a JSON object")
    if not isinstance(value, dict):
        raise ConfigurationError(f"{name} must be a JSON object, not {value!r}.")
    return value


def _parsed(name: str, default: T, parse: Callable[[str], T], kind: str) -> T:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return parse(raw.strip())
    except ValueError as exc:
        raise ConfigurationError(f"{name} must be {kind}, not {raw!r}.") from exc
