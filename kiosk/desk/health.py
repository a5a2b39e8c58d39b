"""`kiosk doctor`: each part of the office's box judged ok, warning or fault, with what to do.

The facts come from data.health (the store, its disk) and data.backup (the backups); the
printer and the speech engine are judged in kiosk.devices.health. Each finding is a plain
record whose words are said later, in the language asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from data import backup, health
from data.office import Office, ProfileError, load_office
from kiosk.desk.clock import BEHIND
from kiosk.texts import Reason

OK, WARNING, FAULT = "ok", "warning", "fault"
CLOCK_WARN = dt.timedelta(minutes=2)  # a terminal's clock this far off: warned, not stopped
BACKUP_WARN, BACKUP_FAULT = dt.timedelta(hours=36), dt.timedelta(days=7)
DISK_FAULT_BYTES = 100 * 1000 * 1000
DISK_WARN_DAYS, DISK_FAULT_DAYS = 365, 30


@dataclass(frozen=True)
class Finding:
    check: str  # store, integrity, schema, audit, clock, disk, backup, printer, speech, profile
    level: str  # ok | warning | fault
    detail: Reason
    advice: Reason | None = None

    def to_json(self, lang: str = "id") -> dict:
        return {"check": self.check, "level": self.level, "detail": self.detail.text(lang),
                "advice": self.advice.text(lang) if self.advice else None}


def finding(check: str, level: str, key: str, advice: str | None = None, /,
            **values: object) -> Finding:
    return Finding(check, level, Reason(f"doctor_{key}", values),
                   Reason(f"doctor_do_{advice}", values) if advice else None)


def profile_finding(path: str | Path | None) -> tuple[Finding, Office | None]:
    try:
        office = load_office(path)
    except ProfileError as exc:
        return finding("profile", FAULT, "profile_broken", "profile_broken", error=str(exc)), None
    cats = ", ".join(office.holiday_categories) if office.public_holidays else "-"
    return finding("profile", OK, "profile_ok", name=office.name, path=office.path,
                    calendars=cats), office


def store_findings(url: str, now: dt.datetime) -> tuple[list[Finding], health.StoreFacts | None]:
    """The store: reachable, integrity, schema version, audit chain, and the clock against it."""
    try:
        facts = health.store_facts(url)
    except health.NoStore as exc:
        if exc.missing:
            return [finding("store", FAULT, "store_missing", "store_missing", url=str(exc))], None
        return [finding("store", FAULT, "store_unreachable", "store_unreachable",
                         error=str(exc))], None
    found = [finding("store", OK, "store_ok", url=facts.url, engine=facts.engine,
                      tickets=facts.tickets)]
    if facts.integrity == "ok":
        found.append(finding("integrity", OK, "integrity_ok"))
    else:
        found.append(finding("integrity", FAULT, "integrity_bad", "integrity_bad",
                              problem=facts.integrity))
    if facts.schema == facts.latest:
        found.append(finding("schema", OK, "schema_ok", version=facts.schema))
    elif facts.schema < facts.latest:
        found.append(finding("schema", WARNING, "schema_old", "schema_old",
                              version=facts.schema, latest=facts.latest))
    else:
        found.append(finding("schema", FAULT, "schema_new", "schema_new",
                              version=facts.schema, latest=facts.latest))
    if facts.audit_broken_id is None:
        found.append(finding("audit", OK, "audit_ok", entries=facts.audit_entries))
    else:
        found.append(finding("audit", FAULT, "audit_broken", "audit_broken",
                              id=facts.audit_broken_id,
                              why=Reason(f"audit_why_{facts.audit_broken_why}")))
    found.append(_clock(facts, now))
    return found, facts


def _clock(facts: health.StoreFacts, now: dt.datetime) -> Finding:
    naive = now.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if facts.server_now is not None:  # PostgreSQL: the server's own clock
        server = facts.server_now.astimezone(dt.timezone.utc).replace(tzinfo=None)
        off = abs(naive - server)
        level = OK if off < CLOCK_WARN else WARNING  # the terminals take the server's time
        return finding("clock", level, "clock_server" if level == OK else "clock_server_off",
                        None if level == OK else "clock_off", seconds=int(off.total_seconds()))
    if facts.newest_stamp is None or facts.newest_stamp <= naive + CLOCK_WARN:
        return finding("clock", OK, "clock_ok")
    ahead = facts.newest_stamp - naive
    level = FAULT if ahead > BEHIND else WARNING
    return finding("clock", level, "clock_behind", "clock_off",
                    minutes=int(ahead.total_seconds() // 60))


def disk_finding(facts: health.StoreFacts | None, today: dt.date) -> Finding:
    if facts is None or facts.file is None:
        if facts is not None:  # PostgreSQL: its disk is the server's
            return finding("disk", OK, "disk_server")
        return finding("disk", WARNING, "disk_unknown")
    disk = health.disk_facts(facts.file)
    # The rate needs a week of the office's own use; a younger store tells nothing yet.
    age = (today - facts.first_day).days if facts.first_day else 0
    per_day = disk.store_size / age if age >= 7 else 0.0
    left = int(disk.free / per_day) if per_day > 0 else None
    values = {"free": f"{disk.free / 1e9:.1f}", "per_day": f"{per_day / 1e3:.0f}",
              "years": (f"{left / 365:.0f}" if left < 100 * 365 else "100+")
              if left is not None else "-"}
    if disk.free < DISK_FAULT_BYTES or (left is not None and left < DISK_FAULT_DAYS):
        return finding("disk", FAULT, "disk_rate" if left else "disk_free", "disk_full", **values)
    if left is not None and left < DISK_WARN_DAYS:
        return finding("disk", WARNING, "disk_rate", "disk_full", **values)
    return finding("disk", OK, "disk_rate" if left else "disk_free", **values)


def backup_finding(folder: Path, facts: health.StoreFacts | None, now: dt.datetime) -> Finding:
    stem = facts.file.stem if facts and facts.file else None
    found = backup.backups_in(folder, stem)
    if not found:
        return finding("backup", WARNING, "backup_none", "backup_none", folder=str(folder))
    newest = found[-1]
    age = now - dt.datetime.fromtimestamp(newest.stat().st_mtime, dt.timezone.utc)
    values: dict[str, object] = {"path": str(newest), "days": age.days,
                                 "hours": int(age.total_seconds() // 3600)}
    if age > BACKUP_FAULT:
        return finding("backup", FAULT, "backup_old", "backup_old", **values)
    if age > BACKUP_WARN:
        return finding("backup", WARNING, "backup_old", "backup_old", **values)
    return finding("backup", OK, "backup_ok", **values)
