"""House rules that a review would otherwise have to repeat, checked over the source tree."""

import re
from pathlib import Path

from django.conf import settings

GAZETTE = Path(settings.BASE_DIR) / "gazette"
SAFE_FILTER = re.compile(r"\{\{\s*([\w.]+)\s*\|\s*safe\b")
# Our own help texts (Django's password rules come as an HTML list); nothing a reader wrote.
TRUSTED_SAFE_VALUES = {"field.help_text"}


def test_templates_mark_nothing_safe_but_our_own_help_texts() -> None:
    """Reader text reaches templates already sanitised (e.g. Comment.rendered_body); a `|safe`
    in a template would be a second, unchecked way to print HTML."""
    offenders = [
        f"{path.relative_to(GAZETTE)}: {match.group(1)}"
        for path in GAZETTE.rglob("*.html")
        for match in SAFE_FILTER.finditer(path.read_text())
        if match.group(1) not in TRUSTED_SAFE_VALUES
    ]
    assert offenders == []
