"""The tables behind package exchange (DESIGN §4). Local to an installation, never synced.

A *peer* is the other end of the exchange: for a village, its township; for
a township, each enrolled village. The peer row pins the peer's public keys
(trust on first use, confirmed by phone with the fingerprint) and keeps the
two counters the exchange needs in each direction: the number of the last
package, and the *watermark* — the highest change number of the sender that
the receiver holds without a gap. Acknowledging a watermark, not a package
number, is what lets a package that overlaps an earlier one, or arrives after
a newer one, change nothing.
"""

from __future__ import annotations

from peewee import CharField, IntegerField, TextField

from models.clock import now_utc
from models.db import BaseModel

PEER_PENDING = "pending"  # enrolled, waiting for the first package (no key yet)
PEER_ACTIVE = "active"
PEER_RETIRED = "retired"

OUT, IN = "out", "in"
STATUS_SENT = "sent"
STATUS_ACKED = "acknowledged"
STATUS_IMPORTED = "imported"
STATUS_REFUSED = "refused"


class Peer(BaseModel):
    """The other end of the exchange, with its pinned keys and the counters of both directions."""

    code = CharField(primary_key=True, max_length=32)
    name = CharField(max_length=64)
    kind = CharField(max_length=16)  # village / township
    province = CharField(max_length=32, default="national")
    status = CharField(max_length=16, default=PEER_PENDING)
    sign_key = CharField(max_length=64, default="")  # Ed25519 public key, base64
    box_key = CharField(max_length=64, default="")  # X25519 public key, base64
    fingerprint = CharField(max_length=64, default="")
    enrolled_at = CharField(max_length=32, default=now_utc)
    # what we received from them
    last_in_no = IntegerField(default=0)
    last_in_at = CharField(max_length=32, default="")
    in_watermark = IntegerField(default=0)  # their change numbers we hold without a gap
    # what we sent them
    last_out_no = IntegerField(default=0)
    last_out_at = CharField(max_length=32, default="")
    out_acked_no = IntegerField(default=0)  # their ack: our package number...
    out_acked_seq = IntegerField(default=0)  # ...and our change numbers they hold


class RetiredKey(BaseModel):
    """A peer key that is no longer accepted (a village re-enrolled on a new PC)."""

    id = IntegerField(primary_key=True)
    peer_code = CharField(max_length=32, index=True)
    sign_key = CharField(max_length=64)
    fingerprint = CharField(max_length=64)
    retired_at = CharField(max_length=32, default=now_utc)
    reason = TextField(default="")


class PackageLog(BaseModel):
    """One package written or read (also the refused ones, with the reason)."""

    id = IntegerField(primary_key=True)
    direction = CharField(max_length=4)  # out / in
    peer_code = CharField(max_length=32, index=True)
    number = IntegerField(default=0)
    kind = CharField(max_length=16, default="data")  # data / setup
    file_name = CharField(max_length=255, default="")
    file_sha256 = CharField(max_length=64, default="")
    created_at = CharField(max_length=32, default="")  # when the sender wrote it
    logged_at = CharField(max_length=32, default=now_utc)
    seq_from = IntegerField(default=0)  # exclusive
    seq_to = IntegerField(default=0)  # inclusive
    records = IntegerField(default=0)
    counts = TextField(default="{}")  # JSON table -> count
    status = CharField(max_length=16)
    reason = TextField(default="")


class SyncConflict(BaseModel):
    """Two versions of one record from the same owner: both kept until a person chooses."""

    id = IntegerField(primary_key=True)
    table_name = CharField(max_length=64)
    record_id = CharField(max_length=36, index=True)
    owner = CharField(max_length=32)
    local_values = TextField()  # JSON of the version kept in place
    incoming_values = TextField()  # JSON of the version from the package
    package = CharField(max_length=255, default="")
    found_at = CharField(max_length=32, default=now_utc)
    resolved_at = CharField(max_length=32, default="")
    resolution = CharField(max_length=16, default="")  # local / incoming


class AuditWitness(BaseModel):
    """One audit head seen across the exchange: the witness that keeps a chain honest.

    `side` says whose chain it is. THEIRS: the peer's audit head carried in
    its signed manifest (the township keeps every village's heads and checks
    that each new chain extends the last one it saw). OURS: our own head as
    the peer acknowledged it in its return package (回执), which our
    `cunwu check` compares with our chain. `status` is "ok", "broken" (the
    chain does not extend the earlier head: rows removed or rewritten after
    they were sent) or "restored" (the sender said it restored a backup).
    """

    id = IntegerField(primary_key=True)
    peer_code = CharField(max_length=32, index=True)
    side = CharField(max_length=8)  # theirs / ours
    package_number = IntegerField(default=0)
    count = IntegerField(default=0)
    hash = CharField(max_length=64, default="")
    seen_at = CharField(max_length=32, default=now_utc)
    status = CharField(max_length=16, default="ok")
    reason = TextField(default="")


WITNESS_THEIRS, WITNESS_OURS = "theirs", "ours"
WITNESS_OK, WITNESS_BROKEN, WITNESS_RESTORED = "ok", "broken", "restored"

SYNC_MODELS = (Peer, RetiredKey, PackageLog, SyncConflict, AuditWitness)
