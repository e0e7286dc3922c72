"""A whole site in one file: the database and the uploaded photos, dumped together and restored
together, on SQLite and on PostgreSQL.

The archive is a .tar.gz holding `manifest.json` (format, database vendor, when, the latest
migration of every app), the database (`database.sqlite3`, a consistent copy made with SQLite's
online backup, or `database.pgdump`, pg_dump's custom format, one consistent snapshot) and
`media/`. The database is copied first and the photos after: photos are only ever added, so every
photo the copied database names is in the archive (one uploaded meanwhile may be there as well,
unreferenced and harmless). Photos kept in an object store (MEDIA_STORAGE=s3) are not copied:
the store keeps its own versions.

Restoring replaces the database's whole content and adds the archive's photos to MEDIA_ROOT.
It refuses an archive from another vendor or a newer schema, with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from gazette.core import clock

FORMAT = "gazette-backup/1"
MANIFEST = "manifest.json"
_DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


def _latest_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return latest


def _media_root() -> Path | None:
    default: Any = settings.STORAGES["default"]
    backend = str(default["BACKEND"])
    return Path(settings.MEDIA_ROOT) if backend.endswith("FileSystemStorage") else None


def _vendor() -> str:
    if connection.vendor not in _DUMPS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def _pg_environment() -> dict[str, str]:
    config = connection.settings_dict
    environment = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if config.get(key):
            environment[variable] = str(config[key])
    return environment


def _run(command: list[str]) -> None:
    try:
        # The programs are fixed; the arguments are paths and names from our own settings.
        subprocess.run(  # noqa: S603
            command, env=_pg_environment(), check=True, capture_output=True, text=True
        )
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} is not installed; install PostgreSQL's client programs."
        ) from exc
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"{command[0]} failed: {exc.stderr.strip()}") from exc


def _dump_database(target: Path) -> None:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])


def _restore_database(source: Path) -> None:
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        with sqlite3.connect(source) as copy:
            copy.backup(connection.connection)
        copy.close()
    else:
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ]
        )


@contextmanager
def _workspace() -> Iterator[Path]:
    directory = Path(tempfile.mkdtemp(prefix="gazette-backup-"))
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def create_backup(archive: Path) -> dict[str, Any]:
    """Write the site to `archive`; its manifest."""
    vendor = _vendor()
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "vendor": vendor,
        "created_at": clock.now().isoformat(),
        "migrations": _latest_migrations(),
        "media": "included" if _media_root() is not None else "object store, not included",
    }
    with _workspace() as work:
        dump = work / _DUMPS[vendor]
        _dump_database(dump)
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(work / MANIFEST, arcname=MANIFEST)
            tar.add(dump, arcname=dump.name)
            media = _media_root()
            if media is not None and media.exists():
                tar.add(media, arcname="media")
        partial.replace(archive)  # never a half-written archive under the real name
    return manifest


def _check_manifest(manifest: dict[str, Any]) -> None:
    if manifest.get("format") != FORMAT:
        raise BackupError("This file is not a Gazette backup (or one of an unknown format).")
    vendor = _vendor()
    if manifest.get("vendor") != vendor:
        raise BackupError(
            f"This backup is of a {manifest.get('vendor')} database; this site runs on {vendor}. "
            "Restore it on the same kind of database."
        )
    here = _latest_migrations()
    newer = sorted(
        app for app, name in manifest.get("migrations", {}).items() if name > here.get(app, "")
    )
    if newer:
        raise BackupError(
            "This backup was made by a newer version of Gazette (apps: "
            f"{', '.join(newer)}). Update this install first, then restore."
        )


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = tar.getmembers()
    for member in members:
        if not (member.isfile() or member.isdir()):
            raise BackupError(f"The backup holds an unexpected entry: {member.name}")
    return members


def _manifest_of(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.load(tar.extractfile(MANIFEST))  # type: ignore[arg-type]
    except (KeyError, json.JSONDecodeError) as exc:
        raise BackupError("This file is not a Gazette backup (no manifest).") from exc
    _check_manifest(manifest)
    return manifest


def _opened(archive: Path) -> tarfile.TarFile:
    if not archive.is_file():
        raise BackupError(f"No such file: {archive}")
    try:
        return tarfile.open(archive, "r:gz")
    except tarfile.TarError as exc:
        raise BackupError("This file is not a Gazette backup (not a .tar.gz file).") from exc


def inspect_backup(archive: Path) -> dict[str, Any]:
    """The archive's manifest, once it is known to be restorable here (else BackupError)."""
    with _opened(archive) as tar:
        return _manifest_of(tar)


def restore_backup(archive: Path) -> dict[str, Any]:
    """Replace the database with the archive's and add its photos; the archive's manifest."""
    with _workspace() as work, _opened(archive) as tar:
        manifest = _manifest_of(tar)
        tar.extractall(work, members=_safe_members(tar), filter="data")
        _restore_database(work / _DUMPS[manifest["vendor"]])
        media = _media_root()
        if media is not None and (work / "media").exists():
            shutil.copytree(work / "media", media, dirs_exist_ok=True)
    return manifest
