"""The newsroom's roles as Django groups, and the permissions each carries.

Created by a migration (0004_roles) and safe to apply again: `sync_roles` adds what is missing
and leaves anything staff added by hand in place.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

EDITOR = "editor"
MODERATOR = "moderator"
SENIOR_MODERATOR = "senior moderator"
ADMINISTRATOR = "administrator"

# Pre-moderation of a section or an article is an editorial call (a trial under way, a story
# that draws abuse), so editors set it; the site-wide mode is in the settings row.
_MODES = [
    "moderation.add_moderationmode", "moderation.change_moderationmode",
    "moderation.delete_moderationmode", "moderation.view_moderationmode",
]  # fmt: skip
_EDITOR = [
    "articles.add_article", "articles.change_article", "articles.view_article",
    "articles.add_photo", "articles.change_photo", "articles.view_photo",
    "articles.add_tag", "articles.change_tag", "articles.view_tag",
    "articles.add_author", "articles.change_author", "articles.view_author",
    "articles.view_section", "articles.add_byline", "articles.change_byline",
    "articles.delete_byline", "articles.view_byline",
    "comments.view_comment", "comments.view_thread", "moderation.view_policyversion",
    # What readers made of the newsroom's articles: poll results, read only.
    "reactions.view_poll", "reactions.view_reactionset",
    # The newsroom dashboard (gazette.newsroom): counts per section, author and article.
    "newsroom.view_newsroom_dashboard",
    *_MODES,
]  # fmt: skip
_MODERATOR = [
    "comments.view_comment", "comments.view_thread",
    "moderation.moderate_comments", "moderation.sanction_authors",
    "moderation.view_decision", "moderation.view_report", "moderation.view_appeal",
    "moderation.view_notice", "moderation.view_sanction", "moderation.view_auditentry",
    "moderation.view_policyversion", "moderation.view_clause",
    "moderation.view_screeningterm", "moderation.view_moderationmode",
]  # fmt: skip
_SENIOR = [
    *_MODERATOR,
    "moderation.decide_appeals", "moderation.ban_authors", "moderation.revoke_sanctions",
    "moderation.add_screeningterm", "moderation.change_screeningterm",
    "moderation.delete_screeningterm", "moderation.view_classifiermodel",
    "moderation.view_reviewerlanguage", "moderation.view_screeningrefusal",
    "moderation.view_appealnotice", "moderation.view_appealrightsuspension",
    "moderation.export_statements", "moderation.view_submittedstatement",
    "moderation.add_trustedflagger", "moderation.change_trustedflagger",
    "moderation.view_trustedflagger",
]  # fmt: skip
_ADMINISTRATOR = [
    *_SENIOR,
    "moderation.add_policyversion", "moderation.change_policyversion",
    "moderation.add_clause", "moderation.change_clause", "moderation.delete_clause",
    "moderation.add_clausetranslation", "moderation.change_clausetranslation",
    "moderation.delete_clausetranslation",
    "moderation.add_policyversiontranslation", "moderation.change_policyversiontranslation",
    "moderation.delete_policyversiontranslation",
    "moderation.change_moderationsettings", "moderation.view_moderationsettings",
    "moderation.change_classifiermodel",
    "moderation.add_reviewerlanguage", "moderation.change_reviewerlanguage",
    "moderation.delete_reviewerlanguage",
    "comments.change_thread", "comments.view_closedsection", "comments.add_closedsection",
    "comments.delete_closedsection",
    "moderation.carry_out_data_requests",
    # Staff accounts and their roles (services/staff_roles.py); never superuser status.
    "moderation.manage_staff_roles", "accounts.view_user", "accounts.change_user",
    "auth.view_group",
    *_MODES,
]  # fmt: skip

# The roles an administrator gives and takes; the administrator role itself is given by a
# superuser (or the demo's first run), so that no administrator can make another.
GRANTABLE_ROLES = (EDITOR, MODERATOR, SENIOR_MODERATOR)
ROLE_LABELS = {
    EDITOR: _("Editor"),
    MODERATOR: _("Moderator"),
    SENIOR_MODERATOR: _("Senior moderator"),
    ADMINISTRATOR: _("Site administrator"),
}

ROLES: dict[str, list[str]] = {
    EDITOR: _EDITOR,
    MODERATOR: _MODERATOR,
    SENIOR_MODERATOR: _SENIOR,
    ADMINISTRATOR: _ADMINISTRATOR,
}


def sync_roles(apps: Any) -> None:
    """Create the role groups with their permissions (given a migration's app registry)."""
    from django.contrib.auth.management import create_permissions  # noqa: PLC0415

    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = group_model.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            permission = permission_model.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
