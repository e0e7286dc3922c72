"""The base of every app's domain errors: a refusal that carries a message a person can act on."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refused action; `message` is shown to whoever tried it. Subclasses name the state
    (CommentsClosed, AppealAlreadyFiled) and give their own `default_message`."""

    default_message: Promise = _("This action could not be carried out.")

    def __init__(self, message: str | Promise | None = None) -> None:
        self.message = str(message or self.default_message)
        super().__init__(self.message)
