import sqlite3
from unittest import mock

import pytest
from django.db import connection
from django.test import SimpleTestCase

from gazette.challenges.checks import check_sqlite_version

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="a check of SQLite itself")


@on_sqlite
class SqliteVersionCheckTests(SimpleTestCase):
    def test_the_installed_sqlite_can_count(self) -> None:
        assert check_sqlite_version() == []

    def test_a_sqlite_without_returning_stops_the_start(self) -> None:
        # The outside world: the SQLite library the server runs with.
        with mock.patch.object(sqlite3, "sqlite_version_info", (3, 34, 1)):
            (error,) = check_sqlite_version()
        assert error.id == "gazette.E005"
