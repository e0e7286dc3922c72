"""Reply notification e-mails: signed links and message bodies, sent by the task worker.

Messages are written in the language the reader used when subscribing, with a plain-text and an
HTML body, and carry a one-click unsubscribe link (RFC 8058).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from gazette.comments.models import Comment, ReplySubscription
from gazette.core.http import absolute_url
from gazette.core.text import without_links

_CONFIRM_SALT = "gazette.comments.confirm-subscription"
_UNSUBSCRIBE_SALT = "gazette.comments.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def confirmation_token(subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=_CONFIRM_SALT, compress=True)


def unsubscribe_token(subscription_id: int) -> str:
    return signing.dumps(subscription_id, salt=_UNSUBSCRIBE_SALT, compress=True)


def subscription_of_confirmation(token: str) -> int | None:
    return _loaded(token, _CONFIRM_SALT, CONFIRM_MAX_AGE)


def subscription_of_unsubscribe(token: str) -> int | None:
    return _loaded(token, _UNSUBSCRIBE_SALT, None)


def _loaded(token: str, salt: str, max_age: int | None) -> int | None:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def send_confirmation(subscription_id: int) -> bool:
    subscription = ReplySubscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.is_active:
        return False
    with translation.override(subscription.language):
        context = {
            "site_name": settings.GAZETTE_SITE_NAME,
            "confirm_url": absolute_url(
                reverse(
                    "comments:confirm_subscription",
                    kwargs={"token": confirmation_token(subscription.pk)},
                )
            ),
        }
        _send(subscription, "confirm", context)
    return True


def send_reply_notice(comment_id: int) -> bool:
    reply = (
        Comment.objects.select_related("thread", "in_reply_to__subscription")
        .filter(pk=comment_id, state=Comment.State.PUBLISHED)
        .first()
    )
    answered = reply.in_reply_to if reply is not None else None
    if reply is None or answered is None or answered.state != Comment.State.PUBLISHED:
        return False
    subscription = answered.subscription
    if subscription is None or not subscription.is_active or subscription.email == reply.email:
        return False
    with translation.override(subscription.language):
        context = {
            "site_name": settings.GAZETTE_SITE_NAME,
            "reply": reply,
            "reply_html": without_links(reply.rendered_body),
            "title": reply.thread.title,
            "reply_url": absolute_url(reply.get_absolute_url()),
        }
        _send(subscription, "reply", context)
    return True


def _send(subscription: ReplySubscription, kind: str, context: Mapping[str, object]) -> None:
    unsubscribe_url = absolute_url(
        reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(subscription.pk)})
    )
    context = {**context, "unsubscribe_url": unsubscribe_url}
    subject = " ".join(render_to_string(f"comments/email/{kind}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"comments/email/{kind}_body.txt", context),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string(f"comments/email/{kind}_body.html", context), "text/html"
    )
    message.send()
