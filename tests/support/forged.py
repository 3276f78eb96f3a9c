"""A lying sender: a genuine package re-written with chosen contents and signed again by the sender's own key.

The package layer proves who sent a package, not that the sender's software
behaved: a village whose copy is old, buggy or tampered with signs whatever
it wrote. These helpers open a real package with the recipient's key, let a
test change its records (or replace the records member's bytes outright), seal
them to the recipient again and sign the manifest with the sender's real
signing key — a package every structural check accepts.
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.paths import AppPaths
from desktop.sync import keys
from desktop.sync import package_format as fmt
from desktop.sync.sealing import Opener, Sealer

Body = dict[str, Any]  # {"tables": [{"name", "columns", "rows"}]}


def open_records(package: Path, recipient: AppPaths) -> Body:
    """The decrypted, parsed records of a package sealed to `recipient`."""
    opened = fmt.open_package(package)
    try:
        m = opened.manifest
        opener = Opener(keys.load_or_create(recipient.keys).box, m["ephemeral"], m["package_id"])
        raw = zlib.decompress(opener.open(fmt.RECORDS, opened.read(fmt.RECORDS)))
    finally:
        opened.close()
    return json.loads(raw)


def table(body: Body, name: str) -> dict[str, Any]:
    """The table `name` of a records body (KeyError when the package has none)."""
    return next(t for t in body["tables"] if t["name"] == name)


def set_value(body: Body, name: str, column: str, value: Any, row: int = 0) -> None:
    """Put `value` in `column` of the `row`-th record of table `name`."""
    t = table(body, name)
    t["rows"][row][t["columns"].index(column)] = value


def drop_column(body: Body, name: str, column: str) -> None:
    """Leave `column` out of table `name` entirely (an older or tampered sender)."""
    t = table(body, name)
    i = t["columns"].index(column)
    t["columns"].pop(i)
    for r in t["rows"]:
        r.pop(i)


def compress(raw: bytes) -> bytes:
    """The records member's plaintext for these JSON bytes."""
    return zlib.compress(raw, 6)


def dumps(body: Body) -> bytes:
    """JSON bytes as the exporter writes them (NaN/Infinity written as such when present)."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def resign(package: Path, sender: AppPaths, recipient: AppPaths, out: Path, *,
           records: bytes | None = None, body: Body | None = None,
           manifest_edit: Callable[[dict[str, Any]], None] | None = None,
           manifest_bytes: Callable[[bytes], bytes] | None = None) -> Path:
    """Write `out` (a folder): `package` with new records, sealed to `recipient`, signed by `sender`.

    `records` is the compressed plaintext of the records member (used as is: a
    bomb, bad JSON); else `body` is encoded as the exporter would; else the
    records are kept. `manifest_edit` changes the manifest before signing;
    `manifest_bytes` replaces the signed bytes outright (a manifest no
    exporter could write). Returns the new package's path.
    """
    opened = fmt.open_package(package)
    try:
        manifest = {k: v for k, v in opened.manifest.items() if k != "members"}
        opener = Opener(keys.load_or_create(recipient.keys).box, manifest["ephemeral"], manifest["package_id"])
        plain = {name: opener.open(name, opened.read(name)) for name in opened.member_names()}
        readme = opened.read_readme()
    finally:
        opened.close()
    if body is not None:
        records = compress(dumps(body))
        manifest["counts"] = {t["name"]: len(t["rows"]) for t in body["tables"] if t["rows"]}
    if records is not None:
        plain[fmt.RECORDS] = records
    package_id = str(uuid.uuid4())
    sealer = Sealer(keys.box_public_key(keys.load_or_create(recipient.keys).box_public), package_id)
    manifest.update(package_id=package_id, ephemeral=sealer.ephemeral_public)
    if manifest_edit is not None:
        manifest_edit(manifest)
    signing = keys.load_or_create(sender.keys).signing
    out.mkdir(parents=True, exist_ok=True)
    members = [fmt.Member(name, sealer.seal(name, data)) for name, data in plain.items()]
    path = fmt.write_package(out, package.name, manifest, readme, members, signing)
    if manifest_bytes is not None:
        path = _replace_manifest(path, manifest_bytes, signing)
    return path


def _replace_manifest(path: Path, edit: Callable[[bytes], bytes], signing) -> Path:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    body = edit(dict(members)[fmt.MANIFEST])
    members = [(n, body if n == fmt.MANIFEST else keys.b64(signing.sign(body)).encode("ascii")
                if n == fmt.SIGNATURE else d) for n, d in members]
    path.unlink()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in members:
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return path


def bomb(inflated: int) -> bytes:
    """A valid zlib stream that inflates to about `inflated` bytes of JSON-looking text, made in a moment.

    One MiB of spaces compressed with a full flush gives the same deflate
    block every time (the dictionary is reset), so the block is repeated as
    bytes instead of compressing gigabytes; the Adler-32 trailer is computed
    for the whole text, so the stream is exactly what zlib would write.
    """
    piece = b" " * (1024 * 1024)
    deflater = zlib.compressobj(9)
    head = deflater.compress(b'{"tables":[') + deflater.compress(piece) + deflater.flush(zlib.Z_FULL_FLUSH)
    block = deflater.compress(piece) + deflater.flush(zlib.Z_FULL_FLUSH)
    again = deflater.compress(piece) + deflater.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    tail = deflater.compress(b"]}") + deflater.flush()
    count = max(1, inflated // len(piece) - 1)
    check = zlib.adler32(b'{"tables":[')
    for _ in range(count + 1):
        check = zlib.adler32(piece, check)
    check = zlib.adler32(b"]}", check)
    return head + block * count + tail[:-4] + check.to_bytes(4, "big")
