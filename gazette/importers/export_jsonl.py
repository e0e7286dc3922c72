"""An export as JSON Lines: one JSON object per line, the header first (export_records.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from gazette.importers.export_records import ExportOptions, export_records


def jsonl_lines(options: ExportOptions) -> Iterator[str]:
    """The export line by line, each ending in a newline, written as the records are read."""
    for record in export_records(options):
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
