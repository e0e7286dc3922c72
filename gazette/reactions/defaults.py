"""The reaction set every site starts with ("Do you like this article?" Yes / No).

A data migration stores these texts in English; pages translate them through the message
catalogues, so they read right in every edition until an editor types other words in the admin.
"""

from __future__ import annotations

from django.utils.translation import pgettext, pgettext_lazy

# Every built-in text is looked up under this context; editors' own texts pass through unchanged
# unless a catalogue happens to translate them.
TEXT_CONTEXT = "reader reactions"

DEFAULT_SET_NAME = "Yes / No"
DEFAULT_QUESTION = "Do you like this article?"
DEFAULT_CHOICES = (("yes", "Yes"), ("no", "No"))

# Marked for the catalogues; makemessages finds them here.
CATALOGUE_TEXTS = (
    # Translators: the reader poll under every article.
    pgettext_lazy("reader reactions", "Do you like this article?"),
    # Translators: an answer to "Do you like this article?".
    pgettext_lazy("reader reactions", "Yes"),
    # Translators: an answer to "Do you like this article?".
    pgettext_lazy("reader reactions", "No"),
)


def catalogue_text(text: str) -> str:
    """`text` in the active language if the catalogues know it, else as written."""
    return pgettext(TEXT_CONTEXT, text)
