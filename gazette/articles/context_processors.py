from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from gazette.articles import caching


def navigation(request: HttpRequest) -> dict[str, object]:
    """The section menu, fetched only by pages that show it (from the shared cache when warm)."""

    def menu() -> list[caching.MenuSection]:
        return caching.section_menu(request, get_language() or settings.LANGUAGE_CODE)

    return {
        "nav_sections": SimpleLazyObject(menu),
        "teaser_badges": settings.GAZETTE_TEASER_BADGES,
    }
