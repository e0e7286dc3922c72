"""The widget's texts in one edition's language, as the script running on another site's page
needs them: plain strings, and the forms of "N Comment(s)" for the numbers that tell each of the
language's plural forms apart (the script picks one with the browser's plural rules)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# One number of each plural category that the editions' languages have (one, few, many, other).
PLURAL_SAMPLES = (0, 1, 2, 5)


def comment_count_forms() -> dict[str, str]:
    """ "N Comment(s)" for each sample number, with `{n}` where the number goes."""
    return {
        str(number): ngettext("%(counter)s Comment", "%(counter)s Comments", number)
        % {"counter": "{n}"}
        for number in PLURAL_SAMPLES
    }


def widget_strings() -> dict[str, object]:
    """Every text the widget shows, in the active language."""
    return {
        "comments": comment_count_forms(),
        "policy": _("Comment Policy"),
        "sort": _("Sort:"),
        "oldest": _("Oldest first"),
        "newest": _("Newest first"),
        "liked": _("Most liked"),
        "more": _("More comments"),
        "moreReplies": _("Show all replies"),
        "leave": _("Leave a comment"),
        "name": _("Name"),
        "comment": _("Comment"),
        "accept": _("I have read the Comment Policy"),
        "captcha": _("Captcha"),
        "required": _("(required)"),
        "captchaHelp": _(
            "Your browser solves a small puzzle to show that a person, not a program, is "
            "sending this form. No personal data is collected and no other site is contacted."
        ),
        "captchaWaiting": _("The check starts when you begin writing."),
        "verifying": _("Verifying…"),
        "verified": _("Verified"),
        "captchaFailed": _("The check failed. Please try again later."),
        "post": _("Post comment"),
        "replyingTo": _("Replying to %(name)s"),
        "cancelReply": _("Cancel reply"),
        "reply": _("Reply"),
        "like": _("Like"),
        "likes": _("Likes: %(count)s"),
        "report": _("Report"),
        "edit": _("Edit"),
        "save": _("Save"),
        "delete": _("Delete"),
        "deleteQuestion": _("Delete your comment?"),
        "keep": _("Keep it"),
        "cancel": _("Cancel"),
        "edited": _("edited"),
        "pending": _("Waiting for a moderator"),
        "deleted": _("This comment was deleted by its author."),
        "removed": _("This comment was removed by a moderator."),
        "status": _("Follow your comment's status"),
        "reportTitle": _("Report this comment"),
        "clause": _("Which clause of the Comment Policy does it break?"),
        "note": _("Anything a moderator should know (optional)"),
        "sendReport": _("Send the report"),
        "reported": _("Thank you. Your report was sent to the moderators."),
        "closed": _("Comments are closed."),
        "unavailable": _(
            "The discussion cannot be shown on this page: the page's site is not registered "
            "for discussions here, or the connection failed."
        ),
        "failed": _("Something went wrong. Please try again."),
        "discussion": _("Discussion"),
        # The live updates' texts, the article page's own (comments/panel.html): a template
        # writes a percent sign doubled in its msgid, and puts it back single when it renders.
        "newComments": _("New comments: %%(count)s. Show them").replace("%%", "%"),
        "liveReset": _("Much has changed in this discussion. Reload the page to see it."),
    }
