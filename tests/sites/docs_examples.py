"""The Python examples of docs/embedding.md, taken from the page itself, so that the tests
prove what the page tells the site's developers to do works."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAGE = Path(__file__).resolve().parents[2] / "docs" / "embedding.md"


def documented_function(name: str) -> Callable[..., Any]:
    """The function `name` defined by one of the page's Python blocks."""
    for block in re.findall(r"```python\n(.*?)```", PAGE.read_text(), flags=re.DOTALL):
        if f"def {name}(" in block:
            namespace: dict[str, Any] = {}
            exec(block, namespace)  # noqa: S102 - our own documentation's example
            return namespace[name]  # type: ignore[no-any-return]
    raise LookupError(name)
