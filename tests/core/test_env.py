"""Typed readers of environment variables."""

from __future__ import annotations

import pytest

from gazette.core.env import ConfigurationError, env_bool, env_int, env_list, env_str

NAME = "GAZETTE_TEST_VARIABLE"


@pytest.fixture(autouse=True)
def _clean_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)


def test_env_str_reads_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "value")
    assert env_str(NAME) == "value"


def test_env_str_falls_back_to_the_default() -> None:
    assert env_str(NAME, "fallback") == "fallback"


def test_env_str_without_a_default_requires_the_variable() -> None:
    with pytest.raises(ConfigurationError, match=NAME):
        env_str(NAME)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        (" TRUE ", True),
        ("yes", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("No", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_understands_common_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv(NAME, raw)
    assert env_bool(NAME, default=not expected) is expected


def test_env_bool_falls_back_to_the_default() -> None:
    assert env_bool(NAME, default=True) is True
    assert env_bool(NAME, default=False) is False


def test_env_bool_refuses_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "maybe")
    with pytest.raises(ConfigurationError, match="must be true or false, not 'maybe'"):
        env_bool(NAME, default=False)


def test_env_int_reads_whole_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, " 42 ")
    assert env_int(NAME, 7) == 42


def test_env_int_falls_back_when_unset() -> None:
    assert env_int(NAME, 7) == 7


@pytest.mark.parametrize("raw", ["", "   "])
def test_env_int_falls_back_when_blank(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(NAME, raw)
    assert env_int(NAME, 7) == 7


@pytest.mark.parametrize("raw", ["4.5", "ten", "0x10"])
def test_env_int_refuses_other_text(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ConfigurationError, match="must be a whole number"):
        env_int(NAME, 7)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, " a.example, ,b.example,")
    assert env_list(NAME, ["default"]) == ["a.example", "b.example"]


def test_env_list_falls_back_to_the_default() -> None:
    assert env_list(NAME, ["default"]) == ["default"]


def test_env_list_set_but_empty_is_an_empty_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME, "")
    assert env_list(NAME, ["default"]) == []
