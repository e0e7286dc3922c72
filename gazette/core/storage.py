"""Where uploaded photos are kept: this server's disk (the default), or an S3-compatible object
store (MEDIA_STORAGE=s3, through django-storages) that several app servers share.

With several app servers, local files only work if MEDIA_ROOT is one shared directory; an object
store is the simpler way. Photos are public (they illustrate published articles), so their URLs
are plain, not signed; MEDIA_S3_CUSTOM_DOMAIN serves them from a CDN or the bucket's site.
"""

from __future__ import annotations

from gazette.core.env import ConfigurationError, env_str

LOCAL: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def media_storage() -> dict[str, object]:
    """The STORAGES["default"] entry the environment asks for."""
    kind = env_str("MEDIA_STORAGE", "local")
    if kind == "local":
        return LOCAL
    if kind != "s3":
        raise ConfigurationError("MEDIA_STORAGE must be 'local' or 's3'.")
    options: dict[str, object] = {
        "bucket_name": env_str("MEDIA_S3_BUCKET"),
        "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("MEDIA_S3_REGION", "") or None,
        "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID", "") or None,
        "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY", "") or None,
        "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN", "") or None,
        "location": env_str("MEDIA_S3_PREFIX", "media"),
        "querystring_auth": False,
        # A new upload never replaces another file of the same name (Django adds a suffix).
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
