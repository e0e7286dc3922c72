"""Checks on uploaded photos: an allowed format, a sane size, and a real image."""

from __future__ import annotations

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
