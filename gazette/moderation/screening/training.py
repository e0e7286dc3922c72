"""Training the site classifier from moderators' decisions (run in the background)."""

from __future__ import annotations

from django.db import transaction

from gazette.comments.models import Comment
from gazette.moderation.models import ClassifierModel, Decision
from gazette.moderation.policy import Action
from gazette.moderation.screening import classifier

MAX_EXAMPLES = 20_000


def training_examples() -> tuple[list[str], list[bool]]:
    """The latest moderator decision on each comment: removed (True) or approved/reinstated."""
    latest: dict[int, bool] = {}
    decisions = (
        Decision.objects.filter(
            automatic=False, action__in=[Action.REMOVE, Action.APPROVE, Action.REINSTATE]
        )
        .order_by("-created_at", "-pk")
        .values_list("comment_id", "action")[:MAX_EXAMPLES]
    )
    for comment_id, action in decisions:
        latest.setdefault(comment_id, action == Action.REMOVE)
    bodies = dict(Comment.objects.filter(pk__in=list(latest)).values_list("pk", "body"))
    ids = [comment_id for comment_id in latest if comment_id in bodies]
    return [bodies[i] for i in ids], [latest[i] for i in ids]


def train_site_classifier() -> ClassifierModel | None:
    """Fit a new model and put it in use; None while there are too few decisions."""
    texts, removed = training_examples()
    try:
        trained = classifier.train(texts, removed)
    except classifier.NotEnoughExamples:
        return None
    with transaction.atomic():
        ClassifierModel.objects.filter(is_active=True).update(is_active=False)
        return ClassifierModel.objects.create(
            examples=trained.examples,
            removed_examples=trained.removed,
            accuracy=trained.accuracy,
            data=trained.data,
            is_active=True,
        )
