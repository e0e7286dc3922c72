"""Checks on uploaded photos: an allowed format, a sane size, and a real image."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_PIXELS = 40_000_000  # larger is a decompression bomb, not a news photo


def validate_photo(upload: File[bytes]) -> None:
    max_bytes: int = settings.GAZETTE_PHOTO_MAX_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; photos may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image_format = image.format or ""
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not a readable image. Upload a JPEG, PNG or WebP photo."),
            code="not_an_image",
        ) from exc
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("%(format)s images are not accepted. Upload a JPEG, PNG or WebP photo."),
            code="bad_format",
            params={"format": image_format or _("Unknown")},
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This photo is %(width)s by %(height)s pixels; the limit is 40 megapixels."),
            code="too_many_pixels",
            params={"width": width, "height": height},
        )


# The reference page's house style: "ASTANA --" (a place, in capitals when shown), a caption
# that says when the photo was taken, and a credit "[Organisation/Photographer Name]" whose
# brackets the page adds.
_LETTERS = r"[^\W\d_]+"  # letters of any script
_PLACE = re.compile(rf"^{_LETTERS}(?:[ \-'’ʻʼ.]{{1,2}}{_LETTERS})*$")  # noqa: RUF001 - the apostrophe of place names


def validate_dateline(value: str) -> None:
    if not _PLACE.match(value.strip()):
        raise ValidationError(
            _(
                "A dateline is the place the story was filed from, in letters only, such as "
                "ASTANA or UST-KAMENOGORSK; the page adds the dash."
            ),
            code="bad_dateline",
        )


def validate_caption(value: str) -> None:
    if "[" in value or "]" in value:
        raise ValidationError(
            _("Leave the credit out of the caption: it has a field of its own."),
            code="credit_in_caption",
        )
    if not any(character.isdigit() for character in value):
        raise ValidationError(
            _("Say when the photo was taken, with its date, after who is shown and where."),
            code="caption_without_date",
        )


def validate_credit(value: str) -> None:
    parts = [part.strip() for part in value.split("/")]
    if len(parts) != 2 or not all(parts) or any(c in value for c in "[]"):  # noqa: PLR2004
        raise ValidationError(
            _(
                "Write the credit as Organisation/Photographer Name, such as "
                "Gazette/Aigerim Nur; the page adds the brackets."
            ),
            code="bad_credit",
        )
