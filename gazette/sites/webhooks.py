"""Sending one webhook delivery: the signed JSON request, and what its answer means for the
delivery log (delivered, tried again later, or given up)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from gazette.core import clock
from gazette.sites import policy
from gazette.sites.conf import site_settings
from gazette.sites.models import DeliveryStatus, WebhookDelivery

EVENT_HEADER = "X-Gazette-Event"
DELIVERY_HEADER = "X-Gazette-Delivery"
SIGNATURE_HEADER = "X-Gazette-Signature"
# What a delivery log keeps of a receiver's error: enough to recognise it.
ERROR_LIMIT = 500


@dataclass(frozen=True)
class Attempt:
    status: str
    retry_at: datetime | None = None


def body_of(delivery: WebhookDelivery) -> bytes:
    """The JSON sent: the event, when it happened, its site and what it is about."""
    envelope: dict[str, Any] = {
        "id": delivery.pk,
        "event": delivery.event,
        "created": delivery.created.isoformat(),
        "site": delivery.endpoint.site.key,
        "data": delivery.payload,
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()


def attempt_delivery(delivery_id: int) -> Attempt:
    """Send a pending delivery once and record the outcome; the caller queues the retry at
    `retry_at`. A delivery no longer pending, or whose webhook was switched off, is not sent."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint__site").filter(pk=delivery_id).first()
    )
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return Attempt(status=delivery.status if delivery else "missing")
    if not delivery.endpoint.active:
        return Attempt(status=DeliveryStatus.PENDING)
    # The request is made outside any transaction: a slow receiver holds no lock.
    error = _send(delivery)
    return _record(delivery, error)


def _send(delivery: WebhookDelivery) -> str:
    """Post the delivery; "" when the receiver answered 2xx, otherwise what went wrong."""
    body = body_of(delivery)
    timestamp = int(clock.now().timestamp())
    signature = policy.webhook_signature(delivery.endpoint.secret, timestamp, body)
    request = urllib.request.Request(  # noqa: S310 - the newsroom's own https/http address
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Gazette-Webhooks/1",
            EVENT_HEADER: delivery.event,
            DELIVERY_HEADER: str(delivery.pk),
            SIGNATURE_HEADER: f"t={timestamp},v1={signature}",
        },
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - scheme checked by the model's URLField
            request, timeout=site_settings().webhook_timeout_seconds
        ) as response:
            response.read(1024)
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        return str(getattr(exc, "reason", exc)) or type(exc).__name__
    return ""


def _record(delivery: WebhookDelivery, error: str) -> Attempt:
    conf = site_settings()
    now = clock.now()
    attempts = delivery.attempts + 1
    with transaction.atomic():
        if not error:
            WebhookDelivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.DELIVERED,
                attempts=attempts,
                delivered_at=now,
                next_attempt_at=None,
                last_error="",
            )
            return Attempt(status=DeliveryStatus.DELIVERED)
        if attempts >= conf.webhook_attempts:
            WebhookDelivery.objects.filter(pk=delivery.pk).update(
                status=DeliveryStatus.FAILED,
                attempts=attempts,
                next_attempt_at=None,
                last_error=error[:ERROR_LIMIT],
            )
            return Attempt(status=DeliveryStatus.FAILED)
        retry_at = now + policy.retry_delay(attempts, first=conf.webhook_first_retry)
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            attempts=attempts, next_attempt_at=retry_at, last_error=error[:ERROR_LIMIT]
        )
    return Attempt(status=DeliveryStatus.PENDING, retry_at=retry_at)
