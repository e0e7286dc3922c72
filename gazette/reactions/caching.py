"""The stamp that pages kept whole for every reader (core/pages.py) hold for the poll they show.

A reader without a vote sees the question and its answers, and the counts only where the site
shows them to everyone. So the stamp is replaced when a set, an answer or a poll is written
(signals, which also catch the admin's writes), when the default set changes, and, only where
counts are shown to everyone, with every vote.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from gazette.core import fragments
from gazette.reactions.models import Poll, ReactionChoice, ReactionSet

STAMP_KEY = "reactions:stamp"


def polls_changed() -> None:
    """Retire every kept page's poll: now, and again when the transaction commits."""
    fragments.replace_stamp(STAMP_KEY)


def _on_write(sender: type, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        polls_changed()


def connect_signals() -> None:
    for model in (Poll, ReactionChoice, ReactionSet):
        uid = f"reactions-pages-{model.__name__}"
        post_save.connect(_on_write, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"{uid}-delete")
