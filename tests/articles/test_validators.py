"""Checks on uploaded photos: format, size in bytes and pixels, and a readable image."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from gazette.articles.validators import validate_photo
from tests.factories import gif_upload, jpeg_upload, png_upload


def webp_upload() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "#123456").save(buffer, format="WEBP")
    return SimpleUploadedFile("photo.webp", buffer.getvalue(), content_type="image/webp")


def refusal(upload: SimpleUploadedFile) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_photo(upload)
    return caught.value


@pytest.mark.parametrize("make", [jpeg_upload, png_upload, webp_upload])
def test_jpeg_png_and_webp_are_accepted_and_rewound(make) -> None:
    upload = make()
    validate_photo(upload)
    assert upload.tell() == 0


def test_a_gif_is_refused_by_format() -> None:
    error = refusal(gif_upload())
    assert error.code == "bad_format"
    assert error.messages == ["GIF images are not accepted. Upload a JPEG, PNG or WebP photo."]


@pytest.mark.parametrize(
    "content", [b"", b"plain text pretending to be a photo", b"\xff\xd8\xff\xe0 truncated jpeg"]
)
def test_a_file_that_is_not_an_image_is_refused(content: bytes) -> None:
    error = refusal(SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg"))
    assert error.code == "not_an_image"


def test_a_photo_over_the_byte_limit_is_refused_before_it_is_opened() -> None:
    upload = jpeg_upload()
    with override_settings(GAZETTE_PHOTO_MAX_BYTES=upload.size - 1):
        error = refusal(upload)
    assert error.code == "too_large"
    assert error.messages[0].startswith("This file is ")


def test_a_photo_of_too_many_pixels_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("1", (8000, 5001)).save(buffer, format="PNG")
    error = refusal(SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png"))
    assert error.code == "too_many_pixels"
    assert error.messages == ["This photo is 8000 by 5001 pixels; the limit is 40 megapixels."]
