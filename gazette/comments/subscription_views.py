"""Links mailed to readers: confirm reply notifications, unsubscribe in one click.

Opening a link shows a button; the change happens on POST, so that mail scanners that fetch
links do not act for the reader. Unsubscribe also accepts the RFC 8058 one-click POST.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from gazette.comments import notifications, services


def confirm_subscription(request: HttpRequest, token: str) -> HttpResponse:
    subscription_id = notifications.subscription_of_confirmation(token)
    if subscription_id is None:
        return render(request, "comments/subscription.html", {"state": "invalid"}, status=400)
    if request.method != "POST":
        return render(request, "comments/subscription.html", {"state": "confirm"})
    subscription = services.confirm_subscription(subscription_id=subscription_id)
    if subscription is None:
        return render(request, "comments/subscription.html", {"state": "invalid"}, status=400)
    return render(request, "comments/subscription.html", {"state": "confirmed"})


@csrf_exempt  # one-click unsubscribe comes from mail clients, authorised by the signed token
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription_id = notifications.subscription_of_unsubscribe(token)
    if subscription_id is None:
        return render(request, "comments/subscription.html", {"state": "invalid"}, status=400)
    if request.method != "POST":
        return render(request, "comments/subscription.html", {"state": "unsubscribe"})
    if services.unsubscribe(subscription_id=subscription_id) is None:
        return render(request, "comments/subscription.html", {"state": "invalid"}, status=400)
    return render(request, "comments/subscription.html", {"state": "unsubscribed"})
