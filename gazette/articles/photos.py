"""Uploaded photos lose their metadata before they are stored.

A camera writes where a photo was taken (GPS), the camera's serial number, the owner's name and
more into the file; on a site that covers extremism a leaked location can endanger a source.
Only what the newsroom keeps on purpose survives: the orientation (applied to the pixels, so no
tag is needed) and the colour profile. JPEG files that need no rotation keep their compression
as it was (no second loss); the others are written again at high quality.
"""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile, File
from django.db import models
from PIL import Image, ImageOps

JPEG_QUALITY = 92
_ORIENTATION_TAG = 0x0112


def without_metadata(upload: File[bytes]) -> ContentFile[bytes]:
    """The photo with no metadata but its colour profile, in its own format."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = original.format or "JPEG"
        icc_profile = original.info.get("icc_profile")
        rotated = original.getexif().get(_ORIENTATION_TAG, 1) not in (0, 1)
        image = ImageOps.exif_transpose(original) if rotated else original
        options: dict[str, Any] = {}
        if icc_profile:
            options["icc_profile"] = icc_profile
        if image_format == "JPEG":
            if rotated:
                options.update(quality=JPEG_QUALITY, optimize=True)
            else:
                options.update(quality="keep", subsampling="keep", qtables="keep")
        elif image_format == "WEBP":
            options.update(quality=JPEG_QUALITY, lossless=bool(original.info.get("lossless")))
        output = io.BytesIO()
        # Nothing else is passed on: no exif=, no xmp=, no pnginfo=, no comment.
        image.save(output, format=image_format, **options)
    upload.seek(0)
    return ContentFile(output.getvalue(), name=upload.name)


class PhotoField(models.ImageField):
    """An ImageField whose new files are stored without metadata (without_metadata)."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:  # noqa: FBT001 - Django's signature
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = without_metadata(file)
        return super().pre_save(model_instance, add)
