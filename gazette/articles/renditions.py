"""Each photo in several widths and modern formats, made once, after upload, in the background.

Pages offer them through `srcset`/`sizes`, so that a phone loads a photo sized for it and a
browser that reads AVIF or WebP gets the smaller file. The original stays as it was uploaded;
renditions are listed on the photo itself (`Photo.renditions`), so pages need no extra query.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, features

from gazette.articles.models import Photo

WIDTHS = (320, 640, 960, 1200)
# Teasers are never shown wider than this; their srcset stops here.
TEASER_WIDEST = 960
QUALITY = {"avif": 60, "webp": 80, "jpeg": 82}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
PILLOW_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


def formats() -> list[str]:
    """The formats made here, most compact first; AVIF only where Pillow can write it."""
    return [name for name in ("avif", "webp") if features.check(name)] + ["jpeg"]


@dataclass(frozen=True)
class Source:
    """One `<source>` of a `<picture>`: a format and its files by width."""

    mime_type: str
    srcset: str


def widths_for(original_width: int) -> list[int]:
    """The widths to make: never wider than the original, and at least the smallest."""
    fitting = [width for width in WIDTHS if width <= original_width]
    return fitting or [min(original_width, WIDTHS[0])]


def _encoded(image: Image.Image, kind: str, icc_profile: bytes | None) -> bytes:
    output = io.BytesIO()
    options: dict[str, object] = {"quality": QUALITY[kind]}
    if icc_profile:
        options["icc_profile"] = icc_profile
    if kind == "jpeg":
        options.update(optimize=True, progressive=True)
    elif kind == "avif":
        options["speed"] = 8  # a few times faster to encode, for files a little larger
    image.save(output, format=PILLOW_FORMATS[kind], **options)
    return output.getvalue()


def make_renditions(photo: Photo) -> list[dict[str, object]]:
    """Write every rendition of the photo to storage and return their list (not saved)."""
    storage = photo.image.storage
    made: list[dict[str, object]] = []
    with photo.image.open("rb"), Image.open(photo.image) as original:
        icc_profile = original.info.get("icc_profile")
        image = ImageOps.exif_transpose(original).convert("RGB")
        for width in widths_for(image.width):
            height = round(image.height * width / image.width)
            resized = image.resize((width, height), Image.Resampling.LANCZOS)
            for kind in formats():
                name = f"photos/renditions/{photo.pk}/{width}.{kind}"
                storage.delete(name)  # a photo replaced in the admin replaces its renditions
                stored = storage.save(name, ContentFile(_encoded(resized, kind, icc_profile)))
                made.append({"width": width, "height": height, "format": kind, "name": stored})
    return made


def sources(photo: Photo, widest: int | None = None) -> list[Source]:
    """The photo's renditions as `<source>`s, most compact format first (none before they are
    made). `widest` leaves out larger files."""
    storage = photo.image.storage
    by_format: dict[str, list[str]] = {}
    for item in sorted(photo.renditions, key=lambda item: int(item["width"])):
        if widest is not None and int(item["width"]) > widest:
            continue
        url = storage.url(str(item["name"]))
        by_format.setdefault(str(item["format"]), []).append(f"{url} {item['width']}w")
    return [
        Source(MIME_TYPES[kind], ", ".join(by_format[kind]))
        for kind in MIME_TYPES
        if kind in by_format
    ]
