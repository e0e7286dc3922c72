from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from gazette.articles import queries


def navigation(request: HttpRequest) -> dict[str, object]:
    """The section menu, fetched only by pages that show it."""
    return {
        "nav_sections": SimpleLazyObject(queries.sections),
        "teaser_badges": settings.GAZETTE_TEASER_BADGES,
    }
