"""A site administrator gives and takes the newsroom's roles in the admin; each change is in the
audit log, and no administrator can make anyone more than an editor or a moderator."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import TestCase

from gazette.accounts.models import User
from gazette.moderation.models import AuditEntry
from gazette.moderation.roles import ADMINISTRATOR, EDITOR, MODERATOR, SENIOR_MODERATOR
from gazette.moderation.services.staff_roles import set_staff_roles
from tests.factories import UserFactory
from tests.moderation.factories import staff_in


def change_form(user: User) -> str:
    return f"/admin/accounts/user/{user.pk}/change/"


class StaffRolesTests(TestCase):
    def setUp(self) -> None:
        self.administrator = staff_in(ADMINISTRATOR, display_name="Site admin")
        self.reader = UserFactory(display_name="Dana Reporter")
        self.client.force_login(self.administrator)

    def save_roles(self, user: User, roles: list[str]):
        page = self.client.get(change_form(user))
        form = page.context["adminform"].form
        data = {
            name: value
            for name, value in form.initial.items()
            if name in form.fields and value is not None and name not in ("roles", "password")
        }
        data.update(roles=roles, date_joined_0="2026-01-01", date_joined_1="10:00:00")
        data.pop("date_joined", None)
        data.pop("last_login", None)
        return self.client.post(change_form(user), data)

    def test_an_administrator_makes_a_reader_a_moderator_and_it_is_logged(self) -> None:
        response = self.save_roles(self.reader, [MODERATOR])
        assert response.status_code == 302, response.content[:2000]
        reader = User.objects.get(pk=self.reader.pk)
        assert reader.is_staff
        assert list(reader.groups.values_list("name", flat=True)) == [MODERATOR]
        assert reader.has_perm("moderation.moderate_comments")
        (entry,) = AuditEntry.objects.filter(event=AuditEntry.Event.ROLE_GRANTED)
        assert (entry.actor, entry.outcome, entry.record_id) == (
            self.administrator,
            MODERATOR,
            reader.pk,
        )

    def test_taking_the_last_role_away_ends_staff_access(self) -> None:
        editor = staff_in(EDITOR)
        assert self.save_roles(editor, []).status_code == 302
        editor = User.objects.get(pk=editor.pk)
        assert not editor.is_staff
        assert not editor.groups.exists()
        (entry,) = AuditEntry.objects.filter(event=AuditEntry.Event.ROLE_REVOKED)
        assert entry.outcome == EDITOR

    def test_the_form_offers_roles_but_never_superuser_status_groups_or_permissions(self) -> None:
        page = self.client.get(change_form(self.reader)).content.decode()
        offered = re.findall(r'name="roles" value="([^"]+)"[^>]*>\s*([^<]+)</label>', page)
        assert offered == [
            ("editor", "Editor"),
            ("moderator", "Moderator"),
            ("senior moderator", "Senior moderator"),
        ]
        for field in ("is_superuser", "user_permissions", "groups", "is_staff"):
            assert f'name="{field}"' not in page

    def test_a_superuser_account_is_out_of_an_administrators_reach(self) -> None:
        root = UserFactory(username="root", is_superuser=True, is_staff=True)
        assert self.client.post(change_form(root), {"username": "taken"}).status_code == 403
        with pytest.raises(PermissionDenied):
            set_staff_roles(user=root, roles=[], by=self.administrator)

    def test_only_an_administrator_gives_roles_and_only_the_grantable_ones(self) -> None:
        moderator = staff_in(SENIOR_MODERATOR)
        with pytest.raises(PermissionDenied):
            set_staff_roles(user=self.reader, roles=[MODERATOR], by=moderator)
        with pytest.raises(ValueError, match="administrator"):
            set_staff_roles(user=self.reader, roles=[ADMINISTRATOR], by=self.administrator)
        assert not Group.objects.get(name=ADMINISTRATOR).user_set.filter(pk=self.reader.pk).exists()
        assert not AuditEntry.objects.filter(event__startswith="role_").exists()


class EditorReadsResultsTests(TestCase):
    def test_an_editor_reads_poll_results_and_comment_counts_but_changes_neither(self) -> None:
        self.client.force_login(staff_in(EDITOR))
        assert self.client.get("/admin/reactions/poll/").status_code == 200
        assert self.client.get("/admin/comments/thread/").status_code == 200
        assert self.client.get("/admin/reactions/poll/add/").status_code == 403
