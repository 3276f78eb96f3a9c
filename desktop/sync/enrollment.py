"""Enrollment: the township's setup package for a village, and the village reading it.

The township writes `<村代码>_入网文件_<日期>.cwpkg`: the village's name, code
and province profile, and the township's name, code and public keys, signed
by the township. It holds no personal data, so it is not encrypted (the
village has no key the township knows yet). The village pins the township's
keys from it (a person confirms the fingerprint by phone); the village's own
keys reach the township in its first data package.

Re-enrolling a village (a new PC) is an explicit township action: the old
key is recorded as retired, and packages signed by it are refused from then on.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.paths import AppPaths
from desktop.services import installation, record_store, setup_service
from desktop.services.session import SETUP, Session
from desktop.sync import keys as keys_mod
from desktop.sync import package_format as fmt
from models import audit
from models.clock import now_utc
from models.db import database
from models.entities import MODE_TOWNSHIP, MODE_VILLAGE, Village
from models.errors import PackageRefused, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.migrations import SCHEMA_VERSION
from models.provinces import PROVINCES
from models.roles import Permission
from models.sync.records import PEER_ACTIVE, PEER_PENDING, PEER_RETIRED, Peer, RetiredKey

_C = "enrollment"
refused = fmt.refused


def _invalid(template: str, **params: Any) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


@dataclass(frozen=True)
class SetupInfo:
    """What a setup package says (verified)."""

    village_code: str
    village_name: str
    province: str
    township_code: str
    township_name: str
    sign_key: str
    box_key: str

    @property
    def fingerprint(self) -> str:
        """The township's fingerprint, to confirm by phone."""
        return keys_mod.fingerprint(self.sign_key, self.box_key)


#: The first line of the 入网文件's 说明.txt: whoever holds the file can pose as the village until
#: the township has confirmed the village's fingerprint, so it travels by hand, never by message.
HAND_OVER_IN_PERSON = ("【请当面交给村里,不要通过微信、QQ、邮件或网盘发送:谁拿到这个文件,"
                       "谁就能冒充本村的电脑。】")


def setup_file_name(village_code: str, when: datetime) -> str:
    """`<村代码>_入网文件_<日期>.cwpkg`."""
    return f"{village_code}_入网文件_{when:%Y%m%d}{fmt.SUFFIX}"


def enroll_village(session: Session, paths: AppPaths, village_code: str, village_name: str,
                   out_dir: Path, province: str | None = None, now: datetime | None = None) -> Path:
    """Register (or find) the village, mark it waiting for its key, and write its setup package."""
    session.require(Permission.MANAGE_VILLAGES)
    info = session.installation_info()
    if info is None or info.mode != MODE_TOWNSHIP:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只有乡镇版可以给村庄入网。"))
    code = setup_service.validate_code(village_code, MODE_VILLAGE, info.code)  # a village of this township
    name = setup_service.validate_name(village_name)
    province = province or installation.province()  # may have changed since the session began
    if province not in PROVINCES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的省份配置:{province}"), province=province)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "找不到目标文件夹“{path}”。U盘是否已经插好?"), path=out_dir)
    peer = Peer.get_or_none(Peer.code == code)
    if peer is not None and peer.status == PEER_ACTIVE:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "{name}({code})已经入网并收到过它的数据包。如果该村换了电脑,请用“重新入网”。"),
            name=peer.name, code=code)
    keypair = keys_mod.load_or_create(paths.keys)
    with database.atomic():
        village = Village.get_or_none(Village.code == code)
        if village is None:
            record_store.create(session, Village, code=code, name=name, province=province, township_code=info.code)
        elif village.name != name or village.province != province:
            record_store.update(session, village, name=name, province=province)
        if peer is None:
            Peer.create(code=code, name=name, kind=MODE_VILLAGE, province=province, status=PEER_PENDING)
        else:
            Peer.update(name=name, province=province, status=PEER_PENDING).where(Peer.code == code).execute()
    body = {"village": {"code": code, "name": name, "province": province},
            "township": {"code": info.code, "name": info.name, "province": info.province,
                         "sign": keypair.sign_public, "box": keypair.box_public}}
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": __version__,
                "schema_version": SCHEMA_VERSION, "kind": "setup", "package_id": str(uuid.uuid4()),
                "sender": {"code": info.code, "name": info.name, "kind": MODE_TOWNSHIP},
                "recipient": {"code": code, "name": name}, "created_at": now_utc(),
                "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public}}
    readme = "\r\n".join([
        HAND_OVER_IN_PERSON, "",
        "村务台账 入网文件", "",
        f"乡镇:{info.name}({info.code})", f"村庄:{name}({code})", "",
        "请在村里的电脑上用“村务台账”打开本文件(首次运行时选择“导入入网文件”),",
        f"并打电话与乡镇核对电脑指纹:{keypair.fingerprint}", ""])
    now = now or datetime.now()
    return fmt.write_package(out_dir, setup_file_name(code, now), manifest, readme,
                             [fmt.Member(fmt.SETUP, fmt.canonical_json(body))], keypair.signing)


def read_setup(path: Path) -> SetupInfo:
    """Open and verify a setup package (signed by the township key it carries).

    Raises:
        PackageRefused: not a setup package, or it does not check out.
    """
    opened = fmt.open_package(Path(path))
    try:
        m = opened.manifest
        if m.get("kind") != "setup":
            raise refused(QT_TRANSLATE_NOOP(_C, "这不是入网文件。入网文件的名字像“330106001001_入网文件_20261122.cwpkg”。"))
        try:
            sign = m["sender_keys"]["sign"]
            opened.verify_signature(sign)
            body = json.loads(opened.read(fmt.SETUP).decode("utf-8"))
            v, t = body["village"], body["township"]
            info = SetupInfo(str(v["code"]), str(v["name"]), str(v["province"]), str(t["code"]),
                             str(t["name"]), str(t["sign"]), str(t["box"]))
            if info.sign_key != sign or info.village_code != m["recipient"]["code"]:
                raise ValueError("inconsistent")
            keys_mod.box_public_key(info.box_key)
        except PackageRefused:
            raise
        except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
            raise refused(QT_TRANSLATE_NOOP(_C, "入网文件已损坏或不完整,请让乡镇重新生成一份。")) from exc
        if info.province not in PROVINCES:
            raise refused(QT_TRANSLATE_NOOP(_C, "入网文件中的省份配置“{province}”本软件不认识,请升级软件。"),
                          province=info.province)
        return info
    finally:
        opened.close()


def accept_setup(info: SetupInfo) -> None:
    """Pin the township on this (already initialized) village installation."""
    own = setup_service.current()
    if own is None or own.mode != MODE_VILLAGE:
        raise refused(QT_TRANSLATE_NOOP(_C, "入网文件只能在村里的电脑上导入。"))
    if own.code != info.village_code:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这份入网文件是给{name}({code})的,本机是{own_name}({own_code})。"),
            name=info.village_name, code=info.village_code, own_name=own.name, own_code=own.code)
    existing = Peer.select().where(Peer.kind == MODE_TOWNSHIP).first()
    if existing is not None and existing.sign_key != info.sign_key:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "本村已经加入{name}({code}),入网文件中的乡镇密钥与登记的不同。如乡镇确实换了电脑,请联系技术支持。"),
            name=existing.name, code=existing.code)
    with database.atomic():
        if existing is None:
            Peer.create(code=info.township_code, name=info.township_name, kind=MODE_TOWNSHIP,
                        status=PEER_ACTIVE, sign_key=info.sign_key, box_key=info.box_key,
                        fingerprint=info.fingerprint)
        village = Village.get_or_none(Village.code == own.code)
        if village is not None and village.township_code != info.township_code:
            Village.update(township_code=info.township_code).where(Village.code == own.code).execute()
            audit.append(SETUP.actor, "update", "village", str(village.id),  # replayed by `cunwu check`
                         {"township_code": village.township_code}, {"township_code": info.township_code})


def initialize_from_setup(path: Path) -> tuple[setup_service.InstallationInfo, SetupInfo]:
    """A new village installation from a setup package (`cunwu init village --setup FILE`)."""
    info = read_setup(path)
    with installation.changing(), database.atomic():
        installed = setup_service.initialize(MODE_VILLAGE, info.village_name, info.village_code, info.province,
                                             township_code=info.township_code)
        accept_setup(info)
    return installed, info


def reenroll_village(session: Session, paths: AppPaths, village_code: str, reason: str, out_dir: Path) -> Path:
    """Retire the village's current key and write a new setup package for its new PC."""
    session.require(Permission.MANAGE_VILLAGES)
    peer = Peer.get_or_none(Peer.code == village_code)
    if peer is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记村庄。"), code=village_code)
    if not (reason or "").strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明重新入网的原因(如“村里换了电脑”)。"))
    with database.atomic():
        if peer.sign_key:
            RetiredKey.create(peer_code=peer.code, sign_key=peer.sign_key, fingerprint=peer.fingerprint,
                              reason=reason.strip())
        Peer.update(status=PEER_PENDING, sign_key="", box_key="", fingerprint="", enrolled_at=now_utc(),
                    last_in_no=0, in_watermark=0, last_out_no=0, out_acked_no=0, out_acked_seq=0).where(
            Peer.code == peer.code).execute()
    return enroll_village(session, paths, peer.code, peer.name, out_dir, peer.province)


def retire_village(session: Session, village_code: str, reason: str = "") -> None:
    """Stop accepting packages from a village (merged, or no longer supervised); audited.

    Its records stay; a package it still sends is refused with the reason.
    重新入网 brings it back (with a new 入网文件).
    """
    session.require(Permission.MANAGE_VILLAGES)
    peer = Peer.get_or_none(Peer.code == village_code)
    if peer is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记村庄。"), code=village_code)
    with database.atomic():
        Peer.update(status=PEER_RETIRED).where(Peer.code == peer.code).execute()
        audit.append(session.actor, "retire", "peer", peer.code, {"status": peer.status},
                     {"status": PEER_RETIRED, "reason": (reason or "").strip()})
