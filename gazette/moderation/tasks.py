"""Background work of the moderation app, run by `manage.py db_worker`: notices and messages to
reporters and appellants by e-mail, and retraining the site classifier."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from gazette.comments.models import Comment
from gazette.core.http import absolute_url
from gazette.moderation import announcements, links
from gazette.moderation.models import AppealNotice, Notice, PolicyVersion, ReporterMessage
from gazette.moderation.screening.memory import forget_recent_texts as forget
from gazette.moderation.screening.refusals import minimise_old_refusals as minimise
from gazette.moderation.screening.training import train_site_classifier


@task()
def email_notice(notice_id: int) -> bool:
    """E-mail a stored notice to the address it was written for, exactly as it was stored."""
    notice = Notice.objects.filter(pk=notice_id).first()
    if notice is None or not notice.email:
        return False
    send_mail(
        notice.subject,
        notice.body,
        settings.DEFAULT_FROM_EMAIL,
        [notice.email],
        fail_silently=False,
    )
    return True


@task()
def announce_policy_version(version_id: int) -> int:
    """Tell registered readers of a newly published version; how many were told."""
    version = PolicyVersion.objects.prefetch_related("translations").filter(pk=version_id).first()
    return announcements.announce(version) if version is not None else 0


@task()
def email_reporter_message(message_id: int) -> bool:
    """E-mail a stored message to the reader who made the report, exactly as it was stored."""
    message = (
        ReporterMessage.objects.select_related("report__reporter").filter(pk=message_id).first()
    )
    address = message.report.address if message is not None else ""
    if message is None or not address:
        return False
    send_mail(
        message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [address], fail_silently=False
    )
    return True


@task()
def email_appeal_notice(notice_id: int) -> bool:
    """E-mail a stored message to its appellant, exactly as it was stored."""
    notice = AppealNotice.objects.select_related("appeal").filter(pk=notice_id).first()
    if notice is None or not notice.appeal.email:
        return False
    send_mail(
        notice.subject,
        notice.body,
        settings.DEFAULT_FROM_EMAIL,
        [notice.appeal.email],
        fail_silently=False,
    )
    return True


@task()
def retrain_site_classifier() -> int | None:
    """Train the site classifier on moderators' decisions; the id of the new model, if any."""
    model = train_site_classifier()
    return model.pk if model is not None else None


@task()
def minimise_old_refusals() -> int:
    """Blank the refused texts past the appeal window that nobody is appealing."""
    return minimise()


@task()
def forget_recent_texts() -> int:
    """Drop what screening remembers of comments older than its windows need."""
    return forget()


@task()
def email_data_link(comment_id: int, language: str) -> bool:
    """E-mail a guest the link to their data, to the address they gave with this comment."""
    email = Comment.objects.filter(pk=comment_id).values_list("email", flat=True).first()
    if not email:
        return False
    token = links.data_request_token(comment_id, email)
    with translation.override(language):
        context = {
            "link": absolute_url(links.data_request_path(token, language)),
            "hours": links.DATA_LINK_SECONDS // 3600,
            "site_name": settings.GAZETTE_SITE_NAME,
        }
        subject = " ".join(
            render_to_string("moderation/email/data_link_subject.txt", context).split()
        )
        body = render_to_string("moderation/email/data_link.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=False)
    return True
