"""Names reserved for the newsroom: a reader may not sign as its staff or as the site itself, in
any edition, and look-alike letters, spacing or digits do not get round it (the skeleton of
screening's normalisation is compared, word by word)."""

# The words are Russian, Kazakh and Uzbek on purpose.

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.translation import gettext as _

from gazette.moderation.screening.normalise import skeleton_form

RESERVED_WORDS = (
    "admin", "administrator", "administration", "editor", "editors", "newsroom", "moderator",
    "moderators", "staff", "official",
    # The Russian and Kazakh words as readers type them in Latin letters.
    "redaktsiya", "redakciya", "redaksiya", "redaktsiyasy", "administratsiya", "redaktor",
    "админ", "администратор", "администрация", "редакция", "редактор", "модератор",
    "әкімші", "әкімшілік", "редакциясы", "модераторы",
    "tahririyat", "tahrir", "muharrir", "moderatorlar", "maʼmuriyat",
    "таҳририят", "муҳаррир", "маъмурият",
)  # fmt: skip


@cache
def _reserved_skeletons(site_name: str) -> frozenset[str]:
    """Folded once per process (and per site name, which tests may change)."""
    skeletons = {skeleton_form(word) for word in RESERVED_WORDS}
    skeletons.add(skeleton_form(site_name).replace(" ", ""))
    return frozenset(skeletons)


def refusal_of(name: str) -> str | None:
    """Why this name may not be used by a reader, or None."""
    skeleton = skeleton_form(name)
    reserved = _reserved_skeletons(settings.GAZETTE_SITE_NAME)
    words = set(skeleton.split())
    if words & reserved or skeleton.replace(" ", "") in reserved:
        return _(
            "This name is kept for the newsroom and its staff. Please sign with a name of your own."
        )
    return None
