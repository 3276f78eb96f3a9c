"""The `.cwpkg` file: a zip with sealed members, a manifest and its detached signature.

Layout, in this order (readers go by the central directory, not the order):

    说明.txt           plain text for a person: who sent what, when, how many (no personal data)
    records.bin        the changed records, zlib-compressed JSON, sealed to the recipient
    attachments/<sha256>.bin   each attached file, sealed to the recipient
    manifest.json      format, sender, recipient, numbers, counts, SHA-256 of every member
    manifest.sig       Ed25519 signature of manifest.json's exact bytes

Every member is STORED (sealed bytes do not compress), so a member's size on
disk is its size in the manifest: a "zip bomb" cannot exist, and a reader
refuses anything bigger than it expects before reading it. Member names are
checked against a fixed pattern before any is read, so no name can escape
the package (zip slip) — nothing is ever extracted to a path anyway.

Writing goes to a hidden `.part` name on the target, is flushed and fsynced,
read back and verified hash by hash, and only then renamed: a stick pulled
out mid-write leaves at most a `.part` file that no reader mistakes for a
package.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.file_errors import os_error_text
from desktop.sync.keys import b64, sign_public_key, unb64
from models import errors
from models.errors import PackageRefused, PackageWriteError
from models.messages import QT_TRANSLATE_NOOP, msg

_C = "package"

FORMAT_VERSION = 1
SUFFIX = ".cwpkg"
MANIFEST, SIGNATURE, README = "manifest.json", "manifest.sig", "说明.txt"
RECORDS = "records.bin"
SETUP = "setup.json"
_DATA_NAME = re.compile(r"^(records\.bin|setup\.json|attachments/[0-9a-f]{64}\.bin)$")

MAX_PACKAGE_BYTES = 4 * 1024**3
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 16 * 1024**2
MAX_MEMBER_BYTES = 512 * 1024**2
MAX_README_BYTES = 64 * 1024


def refused(template: str, **params: Any) -> PackageRefused:
    """A refusal with a Chinese reason (template marked for translation by the caller)."""
    return PackageRefused(msg(_C, template, **params))


def _corrupt() -> PackageRefused:
    return refused(QT_TRANSLATE_NOOP(
        _C, "数据包已损坏或不完整(可能是U盘拔出过早,或文件被改动过)。请让对方重新导出一次。"))


class DuplicateKey(ValueError):
    """A JSON object naming the same key twice (no exporter writes one; readers disagree on which wins)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`json.loads` object_pairs_hook: the object, or DuplicateKey when a key repeats."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return out


def duplicate_key(exc: DuplicateKey) -> PackageRefused:
    """The refusal of a manifest or records member with a key twice in one object."""
    return refused(QT_TRANSLATE_NOOP(
        _C, "数据包中同一项“{key}”出现了两次(不同的程序会读出不同的值),不是本软件写出的格式。已拒绝导入。"),
        key=exc.key[:40])


def sha256(data: bytes) -> str:
    """Hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


def canonical_json(obj: Any) -> bytes:
    """The exact bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass
class Member:
    """One member to write: its name and bytes (already sealed when it holds records)."""

    name: str
    data: bytes


def write_package(folder: Path, file_name: str, manifest: dict[str, Any], readme: str,
                  members: Iterable[Member], signing: Ed25519PrivateKey,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None, total: int = 0) -> Path:
    """Write, verify and publish a package; returns its final path.

    `manifest` is completed here with the member list and hashes, then signed.

    Raises:
        PackageWriteError: the target is full, read-only or went away; no
            `.cwpkg` is left behind (a `.part` file is removed when possible).
    """
    final = folder / file_name
    part = folder / f".{file_name}.part"
    listed: list[dict[str, Any]] = []
    try:
        _remove_stale_parts(folder)
        with open(part, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
                readme_bytes = readme.encode("utf-8")
                _put(zf, README, readme_bytes)
                listed.append({"name": README, "sha256": sha256(readme_bytes), "size": len(readme_bytes)})
                for done, member in enumerate(members, start=1):
                    if cancelled and cancelled():
                        raise Cancelled
                    _put(zf, member.name, member.data)
                    listed.append({"name": member.name, "sha256": sha256(member.data), "size": len(member.data)})
                    if progress:
                        progress(done, total)
                body = dict(manifest, members=listed)
                manifest_bytes = canonical_json(body)
                _put(zf, MANIFEST, manifest_bytes)
                _put(zf, SIGNATURE, b64(signing.sign(manifest_bytes)).encode("ascii"))
            raw.flush()
            os.fsync(raw.fileno())
        _verify_written(part, listed)
        os.replace(part, final)
        fsync_folder(folder)
    except Cancelled:
        _discard(part)
        raise
    except OSError as exc:
        _discard(part)
        raise PackageWriteError(msg(_C, QT_TRANSLATE_NOOP(
            _C, "数据包没有写成:{detail}。请检查U盘是否已满、是否写保护,或换一个文件夹再试。目标上没有留下不完整的数据包。"),
            detail=os_error_text(exc))) from exc
    return final


Cancelled = errors.Cancelled  # raised by exports and imports that noticed `cancelled()`


def _put(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def _verify_written(part: Path, listed: list[dict[str, Any]]) -> None:
    """Read the file back from the target and check every member's hash."""
    try:
        with zipfile.ZipFile(part) as zf:
            for entry in listed:
                if sha256(zf.read(entry["name"])) != entry["sha256"]:
                    raise OSError(5, "校验失败(读回的内容与写入的不同)")
    except zipfile.BadZipFile as exc:
        raise OSError(5, "校验失败(读回的文件不是完整的数据包)") from exc


#: A `.part` file untouched this long is left over from an interrupted write, not one in progress.
STALE_PART_SECONDS = 15 * 60


def _remove_stale_parts(folder: Path) -> None:
    """Remove what interrupted writes left behind, never a write another export is making now."""
    now = time.time()
    for stale in folder.glob(f".*{SUFFIX}.part"):
        try:
            if now - stale.stat().st_mtime > STALE_PART_SECONDS:
                _discard(stale)
        except OSError:
            continue


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass
class OpenedPackage:
    """A package whose structure has been checked; members are read on demand and verified."""

    path: Path
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    readme: str  # filled by `read_readme` once the signature is checked
    _zip: zipfile.ZipFile
    _sizes: dict[str, int] = field(default_factory=dict)
    _hashes: dict[str, str] = field(default_factory=dict)

    def verify_signature(self, sign_key_b64: str) -> None:
        """Raise PackageRefused unless the manifest is signed by this key."""
        try:
            sign_public_key(sign_key_b64).verify(self.signature, self.manifest_bytes)
        except (InvalidSignature, ValueError) as exc:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "数据包的签名不对:它不是由登记的那台电脑生成的,或者内容被改动过。已拒绝导入。")) from exc

    def member_names(self) -> list[str]:
        """Names of the data members, in manifest order."""
        return [m["name"] for m in self.manifest["members"] if m["name"] != README]

    def read_readme(self) -> str:
        """The verified 说明.txt ("" when the package has none)."""
        if README in self._hashes:
            self.readme = self.read(README).decode("utf-8", "replace")
        return self.readme

    def read(self, name: str) -> bytes:
        """A member's bytes, checked against the signed manifest's size and SHA-256."""
        if name not in self._hashes:
            raise _corrupt()
        data = _read_capped(self._zip, name, self._sizes[name])
        if sha256(data) != self._hashes[name]:
            raise refused(QT_TRANSLATE_NOOP(
                _C, "数据包中的“{name}”与清单不符(哈希值不同),文件被改动过或已损坏。已拒绝导入。"), name=name)
        return data

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()


def _read_capped(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        with zf.open(name) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError, NotImplementedError) as exc:
        raise _corrupt() from exc
    except RuntimeError as exc:  # encrypted zip members
        raise _corrupt() from exc
    if len(data) > limit:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包中的“{name}”超出了允许的大小,已拒绝导入。"), name=name)
    return data


def open_package(path: Path) -> OpenedPackage:
    """Open a package and check its structure and manifest (not yet the signature).

    Raises:
        PackageRefused: not a zip, truncated, unexpected or oversized members,
            names that could escape, a manifest we cannot read, a newer format.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise refused(QT_TRANSLATE_NOOP(_C, "无法读取文件“{path}”:{detail}"),
                      path=path, detail=os_error_text(exc)) from exc
    if size > MAX_PACKAGE_BYTES:
        raise refused(QT_TRANSLATE_NOOP(_C, "文件“{path}”太大,不是村务台账的数据包。"), path=path.name)
    try:
        _check_tail(path, size)
        zf = zipfile.ZipFile(path)
    # NotImplementedError: a directory entry claiming a zip version or a feature Python cannot read
    # (the fuzz test met "zip file version 14.8"); reading members already refuses it the same way.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "“{path}”不是村务台账的数据包,或者文件不完整(可能是U盘拔出过早)。"), path=path.name) from exc
    try:
        return _check_structure(path, zf)
    except BaseException:
        zf.close()
        raise


def _check_tail(path: Path, size: int) -> None:
    """We write no zip comment and nothing after the zip: the file must end with its directory."""
    if size < 22:
        raise zipfile.BadZipFile("too short")
    with open(path, "rb") as fh:
        fh.seek(size - 22)
        tail = fh.read(22)
    if tail[:4] != b"PK\x05\x06" or tail[20:22] != b"\0\0":
        raise zipfile.BadZipFile("trailing data or comment")


def _check_structure(path: Path, zf: zipfile.ZipFile) -> OpenedPackage:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS + 3:
        raise refused(QT_TRANSLATE_NOOP(_C, "数据包中的文件太多,已拒绝导入。"))
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise _corrupt()
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
            raise _corrupt()
        if info.filename not in (MANIFEST, SIGNATURE, README) and not _DATA_NAME.match(info.filename):
            raise refused(QT_TRANSLATE_NOOP(_C, "数据包中有不应出现的文件“{name}”,已拒绝导入。"),
                          name=info.filename[:80])
    if MANIFEST not in names or SIGNATURE not in names:
        raise refused(QT_TRANSLATE_NOOP(_C, "“{path}”不是村务台账的数据包(缺少清单)。"), path=path.name)
    manifest_bytes = _read_capped(zf, MANIFEST, MAX_MANIFEST_BYTES)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"), object_pairs_hook=unique_keys)
        if not isinstance(manifest, dict):
            raise ValueError("manifest is not an object")
        fmt = int(manifest.get("format", 0))
    except DuplicateKey as exc:
        raise duplicate_key(exc) from exc
    except (ValueError, TypeError, UnicodeDecodeError, OverflowError) as exc:  # OverflowError: 1e400
        raise _corrupt() from exc
    except RecursionError as exc:  # a manifest nested 200,000 deep: json's nesting limit, not a traceback
        raise refused(QT_TRANSLATE_NOOP(
            _C, "数据包的清单嵌套过深,不是本软件写出的格式(可能是恶意构造的)。已拒绝导入。")) from exc
    if fmt > FORMAT_VERSION:
        raise refused(QT_TRANSLATE_NOOP(
            _C, "这个数据包由更新版本的软件生成(格式 {found},本软件支持到 {supported})。请升级软件后再导入。"),
            found=fmt, supported=FORMAT_VERSION)
    if fmt < 1 or manifest.get("app") != "cunwu":
        raise _corrupt()
    try:
        signature = unb64(_read_capped(zf, SIGNATURE, 256).decode("ascii").strip())
        listed = manifest["members"]
        sizes = {m["name"]: int(m["size"]) for m in listed}
        hashes = {m["name"]: str(m["sha256"]) for m in listed}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError) as exc:
        raise _corrupt() from exc
    data_names = [n for n in names if n not in (MANIFEST, SIGNATURE)]
    if data_names != [m["name"] for m in listed]:
        raise _corrupt()
    by_name = {i.filename: i for i in infos}
    for name, expected in sizes.items():
        if expected > MAX_MEMBER_BYTES or expected < 0:
            raise refused(QT_TRANSLATE_NOOP(_C, "数据包中的“{name}”超出了允许的大小,已拒绝导入。"), name=name)
        if by_name[name].file_size != expected:
            raise _corrupt()
    if sizes.get(README, 0) > MAX_README_BYTES:
        raise _corrupt()
    opened = OpenedPackage(path, manifest, manifest_bytes, signature, "", zf, sizes, hashes)
    return opened
