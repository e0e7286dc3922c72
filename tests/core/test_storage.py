"""Photos kept in an S3-compatible object store, against a local stand-in of the S3 protocol."""

import io

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from moto.server import ThreadedMotoServer
from PIL import Image

from gazette.articles.models import Photo
from gazette.core.env import ConfigurationError
from gazette.core.storage import LOCAL, media_storage
from tests.articles.test_photos import SECRETS, photo_bytes
from tests.factories import UserFactory

BUCKET = "newsroom-media"
KEYS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}


@pytest.fixture
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


def s3_environment(monkeypatch, endpoint: str) -> None:
    for name, value in {
        "MEDIA_STORAGE": "s3",
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": endpoint,
        "MEDIA_S3_REGION": "us-east-1",
        "MEDIA_S3_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "MEDIA_S3_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
    }.items():
        monkeypatch.setenv(name, value)


def test_local_files_are_the_default(monkeypatch) -> None:
    monkeypatch.delenv("MEDIA_STORAGE", raising=False)
    assert media_storage() == LOCAL


def test_an_unknown_storage_is_refused_with_what_to_write(monkeypatch) -> None:
    monkeypatch.setenv("MEDIA_STORAGE", "ftp")
    with pytest.raises(ConfigurationError, match="'local' or 's3'"):
        media_storage()


def test_s3_needs_its_bucket(monkeypatch) -> None:
    monkeypatch.setenv("MEDIA_STORAGE", "s3")
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    with pytest.raises(ConfigurationError, match="MEDIA_S3_BUCKET"):
        media_storage()


@pytest.mark.django_db
def test_an_uploaded_photo_lands_in_the_bucket_without_metadata(
    monkeypatch, s3_server, client
) -> None:
    endpoint, s3 = s3_server
    s3_environment(monkeypatch, endpoint)
    storages = {
        "default": media_storage(),
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with override_settings(STORAGES=storages):
        response = client.post(
            "/admin/articles/photo/add/",
            {
                "image": SimpleUploadedFile("court.jpg", photo_bytes("JPEG"), "image/jpeg"),
                "caption": "Outside the city court on November 3.",
                "credit": "Gazette/Photo Desk",
                "alt_text": "A court building",
            },
        )
        assert response.status_code == 302
        photo = Photo.objects.get()
        assert photo.image.url.startswith(f"{endpoint}/{BUCKET}/media/photos/")
        assert (photo.width, photo.height) == (60, 30)
    key = f"media/{photo.image.name}"
    stored = s3.get_object(Bucket=BUCKET, Key=key)
    body = stored["Body"].read()
    for secret in SECRETS[:3]:
        assert secret not in body
    assert Image.open(io.BytesIO(body)).size == (60, 30)
    assert stored["CacheControl"].startswith("public")
