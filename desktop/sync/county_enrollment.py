"""Enrolment one level up: the county's 入网文件 for a township, and the township reading it.

Modelled on township ↔ village (`desktop.sync.enrollment`): the county writes
`<乡镇代码>_入网文件_<日期>.cwpkg` (kind KIND): the township's name and code,
and the county's name, code and public keys, signed by the county. It holds
no personal data, so it is not encrypted. The township pins the county's
keys from it (`cunwu init township --setup FILE` on a new PC, `cunwu import
FILE` on a running one) and a person confirms the county's fingerprint by
phone; the township's own key reaches the county in its first 县级汇总包,
which the county imports only with the fingerprint a person typed
(`desktop.sync.first_contact`), exactly as a township does with a village.

A township already enrolled with one county refuses a 入网文件 signed by
another key (a county that changed PCs is a support case, as for villages).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.paths import AppPaths
from desktop.services import installation, setup_service
from desktop.services.session import Session
from desktop.sync import keys as keys_mod
from desktop.sync import package_format as fmt
from desktop.sync.enrollment import HAND_OVER_IN_PERSON, setup_file_name
from models.clock import now_utc
from models.db import database
from models.entities import MODE_COUNTY, MODE_TOWNSHIP
from models.errors import PackageRefused, ValidationError
from models.messages import QT_TRANSLATE_NOOP, msg
from models.migrations import SCHEMA_VERSION
from models.provinces import PROVINCES
from models.roles import Permission
from models.sync.records import PEER_ACTIVE, PEER_PENDING, Peer, RetiredKey

_C = "county_enrollment"
refused = fmt.refused
#: The manifest kind of the county's 入网文件 (a village's is "setup").
KIND = "county_setup"
# A name pinned from the file becomes a peer's (and, for a new township, its own): no control characters,
# bidi overrides, invisible characters or lone surrogates that would print another name than it is.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def _invalid(template: str, **params: Any) -> ValidationError:
    return ValidationError(msg(_C, template, **params))


@dataclass(frozen=True)
class CountySetupInfo:
    """What a county's 入网文件 says (verified)."""

    township_code: str
    township_name: str
    province: str
    county_code: str
    county_name: str
    sign_key: str
    box_key: str

    @property
    def fingerprint(self) -> str:
        """The county's fingerprint, to confirm by phone."""
        return keys_mod.fingerprint(self.sign_key, self.box_key)


def is_county_setup(path: Path) -> bool:
    """Whether `path` is a county's 入网文件 (False for anything unreadable: the import says why)."""
    try:
        opened = fmt.open_package(Path(path))
    except PackageRefused:
        return False
    try:
        return opened.manifest.get("kind") == KIND
    finally:
        opened.close()


def enroll_township(session: Session, paths: AppPaths, township_code: str, township_name: str,
                    out_dir: Path, province: str | None = None, now: datetime | None = None) -> Path:
    """Register the township (waiting for its key) and write its 入网文件 into `out_dir` (county only).

    Raises:
        ValidationError: not a county, a code outside the county, a bad name or folder,
            or a township already active (its PC changed: `reenroll_township`).
    """
    session.require(Permission.MANAGE_VILLAGES)
    info = session.installation_info()
    if info is None or info.mode != MODE_COUNTY:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "只有县级版可以给乡镇入网。"))
    code = setup_service.validate_code(township_code, MODE_TOWNSHIP, county_code=info.code)
    name = setup_service.validate_name(township_name)
    province = province or installation.province()
    if province not in PROVINCES:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "不认识的省份配置:{province}"), province=province)
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "找不到目标文件夹“{path}”。U盘是否已经插好?"), path=out_dir)
    peer = Peer.get_or_none(Peer.code == code)
    if peer is not None and peer.status == PEER_ACTIVE:
        raise _invalid(QT_TRANSLATE_NOOP(
            _C, "{name}({code})已经入网并收到过它的汇总包。如果该乡镇换了电脑,请用“重新入网”。"),
            name=peer.name, code=code)
    keypair = keys_mod.load_or_create(paths.keys)
    with database.atomic():
        if peer is None:
            Peer.create(code=code, name=name, kind=MODE_TOWNSHIP, province=province, status=PEER_PENDING)
        else:
            Peer.update(name=name, province=province, status=PEER_PENDING).where(Peer.code == code).execute()
    body = {"township": {"code": code, "name": name, "province": province},
            "county": {"code": info.code, "name": info.name, "province": info.province,
                       "sign": keypair.sign_public, "box": keypair.box_public}}
    manifest = {"format": fmt.FORMAT_VERSION, "app": "cunwu", "app_version": __version__,
                "schema_version": SCHEMA_VERSION, "kind": KIND, "package_id": str(uuid.uuid4()),
                "sender": {"code": info.code, "name": info.name, "kind": MODE_COUNTY},
                "recipient": {"code": code, "name": name}, "created_at": now_utc(),
                "sender_keys": {"sign": keypair.sign_public, "box": keypair.box_public}}
    readme = "\r\n".join([
        HAND_OVER_IN_PERSON.replace("村里", "乡镇").replace("本村", "本乡镇"), "",
        "村务台账 入网文件(县 → 乡镇)", "",
        f"县:{info.name}({info.code})", f"乡镇:{name}({code})", "",
        "请在乡镇的电脑上用“村务台账”导入本文件(新装的乡镇版:cunwu init township --setup 本文件;"
        "已在使用的乡镇版:在“数据交换”里导入,或 cunwu import 本文件),",
        f"并打电话与县里核对电脑指纹:{keypair.fingerprint}", ""])
    return fmt.write_package(out_dir, setup_file_name(code, now or datetime.now()), manifest, readme,
                             [fmt.Member(fmt.SETUP, fmt.canonical_json(body))], keypair.signing)


def reenroll_township(session: Session, paths: AppPaths, township_code: str, reason: str, out_dir: Path) -> Path:
    """Retire the township's current key (it changed PCs) and write a new 入网文件 for it."""
    session.require(Permission.MANAGE_VILLAGES)
    peer = Peer.get_or_none((Peer.code == township_code) & (Peer.kind == MODE_TOWNSHIP))
    if peer is None:
        raise _invalid(QT_TRANSLATE_NOOP(_C, "没有代码为 {code} 的已登记乡镇。"), code=township_code)
    if not (reason or "").strip():
        raise _invalid(QT_TRANSLATE_NOOP(_C, "请写明重新入网的原因(如“乡镇换了电脑”)。"))
    with database.atomic():
        if peer.sign_key:
            RetiredKey.create(peer_code=peer.code, sign_key=peer.sign_key, fingerprint=peer.fingerprint,
                              reason=reason.strip())
        Peer.update(status=PEER_PENDING, sign_key="", box_key="", fingerprint="", enrolled_at=now_utc(),
                    last_in_no=0, in_watermark=0).where(Peer.code == peer.code).execute()
        # the new PC numbers its 汇总包 from 1 again: its first one must replace what the old PC sent
        database.execute_sql("UPDATE county_township SET package_number = 0 WHERE code = ?", (peer.code,))
    return enroll_township(session, paths, peer.code, peer.name, out_dir, peer.province)


def read_county_setup(path: Path) -> CountySetupInfo:
    """Open and verify a county's 入网文件 (signed by the county key it carries).

    Raises:
        PackageRefused: not a county's 入网文件, or it does not check out.
    """
    opened = fmt.open_package(Path(path))
    try:
        m = opened.manifest
        if m.get("kind") == "setup":
            raise refused(QT_TRANSLATE_NOOP(
                _C, "这是乡镇发给村里的入网文件,应在村里的电脑上导入,不是县里发给乡镇的。"))
        if m.get("kind") != KIND:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "这不是县里发来的入网文件。入网文件的名字像“330106001_入网文件_20261122.cwpkg”。"))
        try:
            sign = m["sender_keys"]["sign"]
            opened.verify_signature(sign)
            body = json.loads(opened.read(fmt.SETUP).decode("utf-8"))
            t, c = body["township"], body["county"]
            info = CountySetupInfo(str(t["code"]), str(t["name"]), str(t["province"]), str(c["code"]),
                                   str(c["name"]), str(c["sign"]), str(c["box"]))
            if info.sign_key != sign or info.township_code != m["recipient"]["code"]:
                raise ValueError("inconsistent")
            keys_mod.box_public_key(info.box_key)
            if _UNPRINTABLE.search(info.township_name + info.county_name):
                raise ValueError("unprintable name")
            try:  # the codes and names a person would be refused at `init`: the file says why it cannot be used
                setup_service.validate_code(info.county_code, MODE_COUNTY)
                setup_service.validate_code(info.township_code, MODE_TOWNSHIP, county_code=info.county_code)
                setup_service.validate_name(info.township_name)
                setup_service.validate_name(info.county_name)
            except ValidationError as exc:
                raise refused(QT_TRANSLATE_NOOP(_C, "这份入网文件不能使用:{reason}请让县里重新生成一份。"),
                              reason=str(exc)) from None
        except PackageRefused:
            raise
        except (KeyError, TypeError, ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise refused(QT_TRANSLATE_NOOP(_C, "入网文件已损坏或不完整,请让县里重新生成一份。")) from exc
        if info.province not in PROVINCES:
            raise refused(QT_TRANSLATE_NOOP(_C, "入网文件中的省份配置“{province}”本软件不认识,请升级软件。"),
                          province=info.province)
        return info
    finally:
        opened.close()


def county_peer() -> Peer | None:
    """The township's county (None before its 入网文件 was read)."""
    return Peer.select().where(Peer.kind == MODE_COUNTY).first()


def accept_county_setup(info: CountySetupInfo) -> None:
    """Pin the county on this (already initialized) township installation.

    Raises:
        PackageRefused: not a township, the file is for another township, or the
            township already belongs to a county with another key.
    """
    existing = check_county_setup(info)
    if existing is None:
        Peer.create(code=info.county_code, name=info.county_name, kind=MODE_COUNTY, status=PEER_ACTIVE,
                    sign_key=info.sign_key, box_key=info.box_key, fingerprint=info.fingerprint)


def check_county_setup(info: CountySetupInfo) -> Peer | None:
    """Whether this township may join with `info` (read only): the county it already has, if any.

    The screens ask before the phone call, so a file for another township is refused at once, not after
    the person has read the county's fingerprint aloud.

    Raises:
        PackageRefused: as `accept_county_setup`.
    """
    own = setup_service.current()
    if own is None or own.mode != MODE_TOWNSHIP:
        raise refused(QT_TRANSLATE_NOOP(_C, "县里发来的入网文件只能在乡镇的电脑上导入。"))
    if own.code != info.township_code:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这份入网文件是给{name}({code})的,本机是{own_name}({own_code})。"),
            name=info.township_name, code=info.township_code, own_name=own.name, own_code=own.code)
    existing = county_peer()
    if existing is not None and existing.sign_key != info.sign_key:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "本乡镇已经加入{name}({code}),入网文件中的县级密钥与登记的不同。如县里确实换了电脑,请联系技术支持。"),
            name=existing.name, code=existing.code)
    return existing


def initialize_from_county_setup(path: Path) -> tuple[setup_service.InstallationInfo, CountySetupInfo]:
    """A new township installation from the county's 入网文件 (`cunwu init township --setup FILE`)."""
    info = read_county_setup(path)
    with installation.changing(), database.atomic():
        installed = setup_service.initialize(MODE_TOWNSHIP, info.township_name, info.township_code, info.province)
        accept_county_setup(info)
    return installed, info
