"""Readers' and staff accounts."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The user name of an account closed at its holder's request (personal_data.close_account);
# never a reader's own, which is their e-mail address.
FORMER_PREFIX = "former-"
# The user name of an account a host site signed in (`sso:<site key>:<their id>`): it has no
# password here, and its address does not hold the address for a sign-up of our own.
SIGNED_ON_PREFIX = "sso:"


class User(AbstractUser):
    """An account: a reader who signed up, or a member of staff.

    Our own model from the first migration, so that fields can be added later without a
    painful swap of the user model.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("The name shown beside this person's comments."),
    )
    email_verified_at = models.DateTimeField(
        _("e-mail verified"),
        null=True,
        blank=True,
        help_text=_("When the reader followed the link mailed to their address."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.display_name or self.get_username()

    @property
    def is_former(self) -> bool:
        """Closed at its holder's request: kept only because moderation records name it."""
        return not self.is_active and self.get_username().startswith(FORMER_PREFIX)

    @property
    def public_name(self) -> str:
        """The name shown beside this person's comments: never their e-mail address."""
        if self.is_former:
            # Translators: the name of an account whose holder asked for their data to be erased.
            return gettext("Former reader")
        if self.display_name:
            return self.display_name
        username = self.get_username()
        return username.split("@", 1)[0] if "@" in username else username
