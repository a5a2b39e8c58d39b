"""PostgreSQL roles: the tables belong to an owner role that no terminal logs in as; the
terminals' role does its normal work on the queue's tables but may only insert and read
the audit log. Not owning audit_entry, it cannot disable the append-only trigger, edit or
delete an entry, nor drop the table (the schema belongs to the owner too).

Run once by an administrator (a superuser, or a role that is a member of both), after
the store has been created: ``kiosk init-roles --owner NAME --terminal NAME --db URL``.
"""

from __future__ import annotations

import re

import peewee

from data.models import ALL_MODELS, AuditEntry, SchemaVersion

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_HEAD = "audit_head"


class RolesError(Exception):
    pass


def make_roles(db: peewee.Database, owner: str, terminal: str) -> None:
    if not isinstance(db, peewee.PostgresqlDatabase):
        raise RolesError("init-roles: only for PostgreSQL / hanya untuk PostgreSQL")
    for name in (owner, terminal):
        if not _NAME.match(name):
            raise RolesError(f"init-roles: {name!r}: a role name is lower-case letters, digits, _")
    if owner == terminal:
        raise RolesError("init-roles: the owner and the terminals' role must differ")
    try:
        with db.atomic():
            _make(db, owner, terminal)
    except peewee.DatabaseError as exc:
        raise RolesError(f"init-roles: {str(exc).splitlines()[0]}") from None


def _make(db: peewee.Database, owner: str, terminal: str) -> None:
    run = db.execute_sql
    for name, login in ((owner, "NOLOGIN"), (terminal, "LOGIN")):
        if run("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
            run(f'CREATE ROLE "{name}" {login}')
    schema = run("SELECT current_schema()").fetchone()[0]
    tables = [m._meta.table_name for m in ALL_MODELS] + [_HEAD]
    run(f'ALTER SCHEMA "{schema}" OWNER TO "{owner}"')  # a schema's owner may drop its tables
    for table in tables:
        run(f'ALTER TABLE "{table}" OWNER TO "{owner}"')  # its id sequence moves with it
    run(f'ALTER FUNCTION audit_entry_append_only() OWNER TO "{owner}"')
    run(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM "{terminal}"')
    run(f'GRANT USAGE ON SCHEMA "{schema}" TO "{terminal}"')
    audit, version = AuditEntry._meta.table_name, SchemaVersion._meta.table_name
    for table in tables:
        grant = {audit: "SELECT, INSERT", _HEAD: "SELECT, UPDATE", version: "SELECT"}.get(
            table, "SELECT, INSERT, UPDATE, DELETE")
        run(f'GRANT {grant} ON "{table}" TO "{terminal}"')
    run(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{terminal}"')
