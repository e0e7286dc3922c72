"""Why a whole import is refused before anything is written."""

from __future__ import annotations

from django.utils.translation import gettext as _


class ImportRefused(Exception):  # noqa: N818 - named for the state, as our domain errors are
    """The file cannot be imported at all; the message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotWellFormed(ImportRefused):
    def __init__(self, problem: str, line: int, column: int) -> None:
        super().__init__(
            _(
                "The file is not well-formed XML (%(problem)s) at line %(line)d, column "
                "%(column)d. Nothing was imported; repair the file or export it again."
            )
            % {"problem": problem, "line": line, "column": column}
        )
        self.line, self.column = line, column
