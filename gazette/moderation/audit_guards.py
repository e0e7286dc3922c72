"""The database's own refusal to change the audit log: triggers that abort any UPDATE or DELETE
of its rows, on SQLite and on PostgreSQL.

The model refuses such writes too, but a trigger also stops raw SQL, a shell and other
programs. The migration `audit_log_chain_and_guards` installs the triggers; `install_guards`
runs again after every `migrate` because SQLite drops a table's triggers when a later migration
rebuilds the table.
Removing them takes the schema owner's rights, and whatever is then changed breaks the hash
chain that `manage.py verify_audit_log` checks.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "moderation_auditentry"
MESSAGE = "audit log entries cannot be changed or deleted"

SQLITE_TRIGGERS = {
    f"{TABLE}_no_update": "UPDATE",
    f"{TABLE}_no_delete": "DELETE",
}
POSTGRES_FUNCTION = f"{TABLE}_append_only"
POSTGRES_TRIGGER = f"{TABLE}_no_change"


def install_sql(vendor: str) -> list[str]:
    """The statements that install the guards (harmless when they exist already)."""
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {operation} ON {TABLE} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            for name, operation in SQLITE_TRIGGERS.items()
        ]
    if vendor == "postgresql":
        return [
            (
                f"CREATE OR REPLACE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger AS $$ "
                f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql"
            ),
            # Dropped and created rather than CREATE OR REPLACE TRIGGER, which needs PG 14.
            f"DROP TRIGGER IF EXISTS {POSTGRES_TRIGGER} ON {TABLE}",
            (
                f"CREATE TRIGGER {POSTGRES_TRIGGER} BEFORE UPDATE OR DELETE ON {TABLE} "
                f"FOR EACH ROW EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
            ),
        ]
    return []


def remove_sql(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {POSTGRES_TRIGGER} ON {TABLE}",
            f"DROP FUNCTION IF EXISTS {POSTGRES_FUNCTION}()",
        ]
    return []


def install_guards(connection: BaseDatabaseWrapper) -> None:
    if TABLE not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        for statement in install_sql(connection.vendor):
            cursor.execute(statement)


def guards_installed(connection: BaseDatabaseWrapper) -> bool:
    """Whether every trigger is in place (False on a database we do not guard)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [TABLE],
            )
            return set(SQLITE_TRIGGERS) <= {row[0] for row in cursor.fetchall()}
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM pg_trigger WHERE tgname = %s AND NOT tgisinternal "
                "AND tgenabled <> 'D'",
                [POSTGRES_TRIGGER],
            )
            return cursor.fetchone() is not None
    return False


def reinstall_after_migrate(using: str = "default", **_kwargs: Any) -> None:
    """post_migrate: put back what a rebuilt table lost."""
    from django.db import connections  # noqa: PLC0415 - only when the signal fires

    install_guards(connections[using])
