"""The labelled comments screening is trained and measured on, read from JSON Lines files.

Two sets, never mixed: the training comments shipped beside the engine (`training/`), which the
house models learn from, and the evaluation corpus in the tests (its "tune" part chooses the
models' thresholds; its "held_out" part is used by nothing but the measurement). Each line is
{"id", "text", "label", "tags", and for evaluation "split"}.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

TRAINING_DIR = Path(__file__).parent / "training"
EVALUATION_DIR = Path(settings.BASE_DIR) / "tests" / "moderation" / "screening" / "corpus"
# The six language-script pairs our readers write in, in the order figures are printed.
WRITTEN = ("en", "ru", "kk-cyrl", "kk-latn", "uz-latn", "uz-cyrl")
LABELS = ("clean", "spam", "abuse", "incitement", "off_topic")
HARMFUL = ("spam", "abuse", "incitement")


@dataclass(frozen=True)
class Example:
    id: str
    written: str  # en, ru, kk-cyrl, kk-latn, uz-latn or uz-cyrl
    text: str
    label: str
    split: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_harmful(self) -> bool:
        return self.label in HARMFUL


def examples(directory: Path, split: str | None = None) -> Iterator[Example]:
    """The examples of every language-script file in `directory` (of one split, if given)."""
    for written in WRITTEN:
        path = directory / f"{written}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            example = Example(
                id=row["id"],
                written=written,
                text=row["text"],
                label=row["label"],
                split=row.get("split", ""),
                tags=tuple(row.get("tags", ())),
            )
            if split is None or example.split == split:
                yield example
