"""The `ack` of an incoming package may not claim more than we ever sent its sender.

A package's `ack` says how far its sender holds our packages (their number)
and our changes (the watermark of our `seq`). We send only changes above the
acknowledged seq from then on, so an ack beyond what we sent — a lying or
broken sender, even with a genuine signature — would make us skip changes
for good. Such a package is refused whole (issue 16).

What we sent is known twice: the log of the packages we wrote (in the
database) and the counters file beside it (`counters`), which remembers the
numbers and change range reserved even when the database was restored from a
backup older than the last package. The bound is the larger of the two, so a
restore never makes an honest peer's ack look like a lie.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peewee import fn

from desktop.sync import counters
from desktop.sync import package_format as fmt
from models.messages import QT_TRANSLATE_NOOP
from models.sync.records import OUT, PackageLog, Peer

_C = "import"


def sent_bounds(peer: Peer, data_dir: Path) -> tuple[int, int]:
    """(highest package number, highest change number) we ever sent this peer."""
    logged = (PackageLog.select(fn.MAX(PackageLog.number), fn.MAX(PackageLog.seq_to))
              .where((PackageLog.peer_code == peer.code) & (PackageLog.direction == OUT)
                     & (PackageLog.kind == "data")).tuples().first()) or (None, None)
    logged_no, logged_seq = logged[0] or 0, logged[1] or 0
    reserved_no = counters.reserved_number(data_dir, peer.code)
    number = max(peer.last_out_no, logged_no, reserved_no)
    # packages the database forgot (restored from an older backup): the counters file's range covers them
    seq = max(logged_seq, counters.highest_seq(data_dir)) if reserved_no > logged_no else logged_seq
    return number, seq


def check_ack(manifest: dict[str, Any], peer: Peer, data_dir: Path, sender_name: str) -> None:
    """Refuse the package when its `ack` claims a package or a change we never sent this peer.

    Raises:
        PackageRefused: with the number or the change number that was claimed.
    """
    ack = manifest.get("ack")
    if not isinstance(ack, dict):
        return
    ack_no, ack_seq = ack.get("number"), ack.get("seq")
    if not isinstance(ack_no, int) or not isinstance(ack_seq, int) or isinstance(ack_no, bool) \
            or isinstance(ack_seq, bool):
        return
    if ack_no < 0 or ack_seq < 0:
        raise fmt.refused(QT_TRANSLATE_NOOP(_C, "数据包的清单不完整,已拒绝导入。"))
    number, seq = sent_bounds(peer, data_dir)
    if ack_no > number:
        raise fmt.refused(QT_TRANSLATE_NOOP(
            _C, "{name}的数据包声称已收到本机的第 {claimed} 号数据包(回执),但本机只发出过 {sent} 个。"
            "数据包不可信,已拒绝导入。请{name}重新导出一次。"),
            name=sender_name, claimed=ack_no, sent=number)
    if ack_seq > seq:
        raise fmt.refused(QT_TRANSLATE_NOOP(
            _C, "{name}的数据包(回执)声称已收到本机第 {claimed} 号修改,但本机发出的数据包只到第 {sent} 号修改。"
            "数据包不可信,已拒绝导入。请{name}重新导出一次。"),
            name=sender_name, claimed=ack_seq, sent=seq)
