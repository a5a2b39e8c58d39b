"""The Peewee models of the store. Bound to one DatabaseProxy for the process."""

from __future__ import annotations

from peewee import (
    AutoField,
    CompositeKey,
    BooleanField,
    CharField,
    Check,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row: the migration the store is at."""

    version = IntegerField()
    applied_at = DateTimeField()


class Service(BaseModel):
    """A Help Desk service; copied from the office profile so tickets can refer to it."""

    code = CharField(primary_key=True, max_length=32)
    name = CharField(max_length=200)
    name_en = CharField(max_length=200)


class DayCounter(BaseModel):
    """The day's number sequence: the row that booking locks, so numbers are never shared."""

    day = DateField(primary_key=True)
    last_number = IntegerField(default=0)  # the highest number handed out that day
    taken = IntegerField(default=0)  # places counted against the quota (not cancelled)


class QuotaOverride(BaseModel):
    """A supervisor's quota for one date, instead of the profile's default."""

    day = DateField(primary_key=True)
    quota = IntegerField()
    reason = TextField()
    set_by = CharField(max_length=120)
    set_at = DateTimeField()


class Officer(BaseModel):
    id = AutoField()
    name = CharField(max_length=120, unique=True)
    role = CharField(max_length=20)  # officer | supervisor
    pin_hash = CharField(max_length=255)
    active = BooleanField(default=True)
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    created_at = DateTimeField()


class Ticket(BaseModel):
    id = AutoField()
    day = DateField()
    number = IntegerField()
    code = CharField(max_length=16, unique=True)
    service = ForeignKeyField(Service, column_name="service", field="code", backref="tickets")
    state = CharField(max_length=12)
    walk_in = BooleanField(default=True)
    # Who comes, as DJP's own booking records it; never shown on the board or the ticket.
    visitor_name = CharField(max_length=120)
    visitor_status = CharField(max_length=20)
    id_kind = CharField(max_length=10, default="")  # npwp | nik | passport | ""
    id_number = CharField(max_length=20, default="")
    phone = CharField(max_length=20, default="")
    # Each move's time (UTC), counter and officer.
    booked_at = DateTimeField()
    arrived_at = DateTimeField(null=True)
    called_at = DateTimeField(null=True)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    ended_at = DateTimeField(null=True)  # cancelled, expired or no-show
    call_count = IntegerField(default=0)
    counter = IntegerField(null=True)
    officer = CharField(max_length=120, default="")
    topic = CharField(max_length=200, default="")
    note = TextField(default="")
    outcome = CharField(max_length=20, default="")
    # A "needs follow-up" number's follow-up handled (UTC); who did it, in the audit log.
    followed_up_at = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("day", "number"), True),
            (("state", "day", "number"), False),
        )


class AuditEntry(BaseModel):
    """Append-only log of every change: who, which counter, when, what, why."""

    id = AutoField()
    at = DateTimeField()
    actor = CharField(max_length=120)
    counter = IntegerField(null=True)
    action = CharField(max_length=40)
    day = DateField(null=True)
    ticket_code = CharField(max_length=16, default="")
    ticket_number = IntegerField(null=True)
    detail = TextField(default="")
    reason = TextField(default="")
    # The chain (data/audit_chain.py): the entry before's hash, and this entry's.
    prev_hash = CharField(max_length=64, null=True)
    entry_hash = CharField(max_length=64, null=True)

    class Meta:
        # "at": the counter's audit view of a day reads that day's entries by time.
        indexes = ((("day",), False), (("at",), False))


class CounterSession(BaseModel):
    """An officer's open session at a counter: one row per officer, so a login at another
    counter sees it (kiosk.desk.sessions). Created by migration step 6 (data.migrations)."""

    officer = CharField(primary_key=True, max_length=120)  # the officer's name
    counter = IntegerField()
    token = CharField(max_length=32)  # the terminal's session, random: only it refreshes it
    started_at = DateTimeField()
    seen_at = DateTimeField()  # the terminal's last sign of life (naive UTC)


ALL_MODELS = (SchemaVersion, Service, DayCounter, QuotaOverride, Officer, Ticket, AuditEntry,
              CounterSession)


# ----- the satisfaction survey (SKM); created by migration step 4 (data.migrations) ----------


class SurveyAnswered(BaseModel):
    """A served ticket that has been rated: one response per ticket. Holds no link to the
    response itself, so neither table leads from an answer to the ticket."""

    day = DateField()
    number = IntegerField()

    class Meta:
        primary_key = CompositeKey("day", "number")


class SurveyResponse(BaseModel):
    """One anonymous answer: the day served, the nine scores (1–4) in the regulation's order
    and an optional comment. No ticket, no time of answering, a random id: nothing that
    leads back to who answered, before or after a purge."""

    id = CharField(primary_key=True, max_length=32)  # random (uuid4 hex), not a sequence
    day = DateField()
    u1 = IntegerField(constraints=[Check("u1 BETWEEN 1 AND 4")])
    u2 = IntegerField(constraints=[Check("u2 BETWEEN 1 AND 4")])
    u3 = IntegerField(constraints=[Check("u3 BETWEEN 1 AND 4")])
    u4 = IntegerField(constraints=[Check("u4 BETWEEN 1 AND 4")])
    u5 = IntegerField(constraints=[Check("u5 BETWEEN 1 AND 4")])
    u6 = IntegerField(constraints=[Check("u6 BETWEEN 1 AND 4")])
    u7 = IntegerField(constraints=[Check("u7 BETWEEN 1 AND 4")])
    u8 = IntegerField(constraints=[Check("u8 BETWEEN 1 AND 4")])
    u9 = IntegerField(constraints=[Check("u9 BETWEEN 1 AND 4")])
    comment = TextField(default="")
    follow_up = BooleanField(default=False)  # for the supervisor: a low complaints score or a comment

    class Meta:
        indexes = ((("day",), False),)


SURVEY_MODELS = (SurveyAnswered, SurveyResponse)
