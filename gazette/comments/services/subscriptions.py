"""Reply notification subscriptions: confirming an address, unsubscribing it."""

from __future__ import annotations

from django.db import transaction

from gazette.comments.models import ReplySubscription
from gazette.core import clock


def confirm_subscription(*, subscription_id: int) -> ReplySubscription | None:
    """Confirm an address from its mailed link; None if the link names no current subscription."""
    with transaction.atomic():
        subscription = (
            ReplySubscription.objects.select_for_update().filter(pk=subscription_id).first()
        )
        if subscription is None:
            return None
        if subscription.confirmed_at is None or subscription.unsubscribed_at is not None:
            subscription.confirmed_at = clock.now()
            subscription.unsubscribed_at = None
            subscription.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscription


def unsubscribe(*, subscription_id: int) -> ReplySubscription | None:
    """Stop every reply notification to this address; None if the link names no subscription."""
    with transaction.atomic():
        subscription = (
            ReplySubscription.objects.select_for_update().filter(pk=subscription_id).first()
        )
        if subscription is None:
            return None
        if subscription.unsubscribed_at is None:
            subscription.unsubscribed_at = clock.now()
            subscription.save(update_fields=["unsubscribed_at"])
    return subscription
