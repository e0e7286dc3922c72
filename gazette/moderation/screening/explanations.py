"""What the author of a held comment is told, in their language: that an automated check held
it for a moderator to read, under which clause, and what it noticed, without the numbers and
n-grams that moderators see (they would only help a spammer tune his text)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gazette.moderation.policy import Finding
from gazette.moderation.queries import clause_in_force


def for_author(findings: list[Finding]) -> str:
    """One or two sentences for a held comment's author."""
    reason = next((finding for finding in findings if finding.clause_key), None)
    noticed = _noticed(reason) if reason is not None else ""
    clause = clause_in_force(reason.clause_key) if reason is not None else None
    if clause is None:
        if any(finding.code == "premoderation" for finding in findings):
            return _("Comments on this story are read by a moderator before they appear.")
        return _("An automated check held your comment for a moderator to read before it appears.")
    values = {"number": clause.number, "title": clause.local_title, "noticed": noticed}
    if noticed:
        return (
            _(
                "An automated check held your comment for a moderator to read, under clause "
                "%(number)s (“%(title)s”) of the Comment Policy: %(noticed)s."
            )
            % values
        )
    return (
        _(
            "An automated check held your comment for a moderator to read, under clause "
            "%(number)s (“%(title)s”) of the Comment Policy."
        )
        % values
    )


def _noticed(finding: Finding) -> str:
    if finding.code == "term":
        snippet = str(finding.detail.get("snippet", ""))
        word = snippet[snippet.find("[") + 1 : snippet.find("]")] if "[" in snippet else ""
        return _("the words “%(word)s”") % {"word": word} if word else ""
    if finding.code.startswith("model:") or finding.code == "profanity":
        return _("its wording")
    if finding.code in {"links", "disguised_link"}:
        return _("the web addresses it carries")
    if finding.code in {"duplicate", "burst"}:
        return _("it resembles many recent comments")
    return ""
