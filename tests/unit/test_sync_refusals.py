"""Every refusal of issue 7, and hundreds of mutated packages: refused whole, nothing changed.

A mutation that touches only bytes no reader uses (say, a zip timestamp)
may still import; then it must import exactly as the genuine package does.
"""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.sync import exporter, importer, keys
from desktop.sync import package_format as fmt
from models.db import close_database
from models.errors import PackageRefused
from tests.support.first_contact import confirmed_by
from tests.support.sites import VILLAGE_CODE, canonical_dump, full_dump, make_pair, village_beside

FUZZ_CASES = 300


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A township that has enrolled a village, a genuine package, and the township's pristine database."""
    root = tmp_path_factory.mktemp("fuzz")
    township, village, usb = make_pair(root, years=1)
    session = village.use()
    from desktop.services import attachments_service
    from models.meetings.records import Meeting

    photo = root / "签到表.png"
    photo.write_bytes(bytes(range(256)) * 8)
    attachments_service.add(session, village.paths.attachments, "meeting", Meeting.select().first().id, photo)
    genuine = exporter.export_package(session, village.paths, usb).path
    close_database()
    township.use()
    close_database()
    pristine = root / "pristine.sqlite3"
    shutil.copy(township.paths.database, pristine)
    # what the genuine package does, for comparison with benign mutations
    session = township.use()
    importer.apply_import(session, genuine, township.paths, backup=False,
                          confirm=confirmed_by(village_beside(township)))
    close_database()
    after_genuine = canonical_dump(township.paths.database, VILLAGE_CODE)
    _reset(township, pristine)
    return township, village, genuine, pristine, full_dump(pristine), after_genuine, root


def _reset(township, pristine: Path) -> None:
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(township.paths.database) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, township.paths.database)


def _refused(township, path: Path) -> str:
    session = township.use()
    try:
        importer.apply_import(session, path, township.paths, backup=False,
                              confirm=confirmed_by(village_beside(township)))
    except PackageRefused as exc:
        return str(exc)
    finally:
        close_database()
    return ""


def _dump_unless_untouched(database: Path, pristine: Path, before: list[str]) -> list[str]:
    """`full_dump(database)`; when the closed file is byte for byte `pristine` (no WAL beside it), its dump
    is `before` (pristine's) without reading it again: the fuzz's 300 dumps were a third of its time."""
    if not Path(f"{database}-wal").exists() and database.read_bytes() == pristine.read_bytes():
        return before
    return full_dump(database)


def _rezip(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    members = edit(members)
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_STORED) as out:
        for name, data in members:
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return dst


def _member(members, name):
    return next(data for n, data in members if n == name)


def _replace(members, name, data):
    return [(n, data if n == name else d) for n, d in members]


def test_each_refusal_has_a_chinese_reason_and_changes_nothing(world, tmp_path):
    township, village, genuine, pristine, before, _, root = world
    cases = {}
    # not a zip / truncated
    cases["not_zip"] = tmp_path / "a.cwpkg"
    cases["not_zip"].write_bytes(b"hello" * 100)
    data = genuine.read_bytes()
    cases["truncated"] = tmp_path / "t.cwpkg"
    cases["truncated"].write_bytes(data[: len(data) // 2])
    # zip slip and unexpected member
    cases["zip_slip"] = _rezip(genuine, tmp_path / "s.cwpkg", lambda m: m + [("../../evil.txt", b"x")])
    # a member swapped for other bytes
    cases["hash"] = _rezip(genuine, tmp_path / "h.cwpkg",
                           lambda m: _replace(m, fmt.RECORDS, _member(m, fmt.RECORDS)[:-1] + b"\0"))
    # forged manifest (keeps the old signature)

    def forge(m):
        manifest = json.loads(_member(m, fmt.MANIFEST))
        manifest["number"] = 99
        return _replace(m, fmt.MANIFEST, fmt.canonical_json(manifest))
    cases["forged"] = _rezip(genuine, tmp_path / "f.cwpkg", forge)

    # signed by someone else's key (a stranger re-signs the forged manifest)
    def resign(m):
        manifest = json.loads(_member(m, fmt.MANIFEST))
        stranger = Ed25519PrivateKey.generate()
        body = fmt.canonical_json(manifest)
        return _replace(_replace(m, fmt.MANIFEST, body), fmt.SIGNATURE, keys.b64(stranger.sign(body)).encode())
    cases["bad_signature"] = _rezip(genuine, tmp_path / "b.cwpkg", resign)

    # newer format
    def newer(m):
        manifest = json.loads(_member(m, fmt.MANIFEST))
        manifest["format"] = fmt.FORMAT_VERSION + 1
        return _replace(m, fmt.MANIFEST, fmt.canonical_json(manifest))
    cases["newer_format"] = _rezip(genuine, tmp_path / "n.cwpkg", newer)
    # an oversized member: declared bigger than the limit
    big = tmp_path / "o.cwpkg"

    def oversized(m):
        manifest = json.loads(_member(m, fmt.MANIFEST))
        manifest["members"][1]["size"] = fmt.MAX_MEMBER_BYTES + 1
        return _replace(m, fmt.MANIFEST, fmt.canonical_json(manifest))
    cases["oversized"] = _rezip(genuine, big, oversized)
    # a deflated member with a huge ratio (zip bomb)
    bomb = tmp_path / "z.cwpkg"
    with zipfile.ZipFile(genuine) as zf, zipfile.ZipFile(bomb, "w") as out:
        for info in zf.infolist():
            out.writestr(info.filename, zf.read(info.filename))
        out.writestr(zipfile.ZipInfo("attachments/" + "0" * 64 + ".bin"), b"\0" * 10_000_000,
                     compress_type=zipfile.ZIP_DEFLATED)
    cases["zip_bomb"] = bomb
    expected = {
        "not_zip": "不是村务台账的数据包", "truncated": "不完整", "zip_slip": "不应出现的文件",
        "hash": "哈希值不同", "forged": "签名不对", "bad_signature": "签名不对", "newer_format": "请升级软件",
        "oversized": "超出了允许的大小", "zip_bomb": "已损坏",
    }
    for name, path in cases.items():
        reason = _refused(township, path)
        assert expected[name] in reason, (name, reason)
        assert full_dump(township.paths.database) == before, name
    # refusals are journalled outside the database, for the history
    assert len(importer.read_refusals(township.paths.data_dir)) >= len(cases)


def test_wrong_recipient_and_unknown_sender(world, tmp_path):
    township, village, genuine, pristine, before, _, root = world
    # the village cannot import its own package (addressed to the township)
    village.use()
    with pytest.raises(PackageRefused, match="不是发给本机"):
        importer.plan_import(genuine, village.paths)
    close_database()
    # a township that never enrolled this village
    from desktop.paths import AppPaths
    from desktop.services import setup_service
    from desktop.storage import open_store

    other = AppPaths(tmp_path / "别的乡镇")
    open_store(other)
    setup_service.initialize("township", "青山镇", "330106001", "zhejiang")
    with pytest.raises(PackageRefused, match="不认识代码为 330106001001"):
        importer.plan_import(genuine, other)
    close_database()


def _mutations(data: bytes, rng: random.Random, genuine: Path, tmp: Path, i: int) -> tuple[str, Path]:
    kind = rng.choice(["flip", "flip", "flip", "truncate", "swap", "reorder", "forge", "dup", "append"])
    path = tmp / f"m{i:03d}.cwpkg"
    if kind == "flip":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 3)):
            pos = rng.randrange(len(buf))
            buf[pos] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(buf))
    elif kind == "truncate":
        path.write_bytes(data[: rng.randrange(len(data))])
    elif kind == "append":
        path.write_bytes(data + rng.randbytes(rng.randint(1, 200)))
    elif kind == "swap":
        def swap(m):
            a, b = rng.sample(range(len(m)), 2)
            names = [n for n, _ in m]
            blobs = [d for _, d in m]
            blobs[a], blobs[b] = blobs[b], blobs[a]
            return list(zip(names, blobs, strict=True))
        _rezip(genuine, path, swap)
    elif kind == "reorder":
        def reorder(m):
            m = list(m)
            while True:
                shuffled = rng.sample(m, len(m))
                if shuffled != m:
                    return shuffled
        _rezip(genuine, path, reorder)
    elif kind == "forge":
        def forge(m):
            manifest = json.loads(_member(m, fmt.MANIFEST))
            key = rng.choice(["seq_from", "seq_to", "number", "counts", "recipient", "ephemeral", "ack"])
            manifest[key] = rng.choice([0, 1, 10**9, "x", {}, {"code": VILLAGE_CODE}])
            return _replace(m, fmt.MANIFEST, fmt.canonical_json(manifest))
        _rezip(genuine, path, forge)
    else:  # dup: a member twice
        _rezip(genuine, path, lambda m: m + [m[rng.randrange(len(m))]])
    return kind, path


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_fuzz_mutated_packages_are_refused_whole(world, tmp_path):
    township, village, genuine, pristine, before, after_genuine, root = world
    rng = random.Random(20261122)
    data = genuine.read_bytes()
    outcomes: dict[str, int] = {}
    for i in range(FUZZ_CASES):
        kind, path = _mutations(data, rng, genuine, tmp_path, i)
        reason = _refused(township, path)
        dump = _dump_unless_untouched(township.paths.database, pristine, before)
        if reason:
            assert dump == before, (i, kind)
            outcomes["refused"] = outcomes.get("refused", 0) + 1
        else:  # harmless change (e.g. a flipped bit in a zip timestamp): same as the genuine package
            assert canonical_dump(township.paths.database, VILLAGE_CODE) == after_genuine, (i, kind)
            outcomes["benign"] = outcomes.get("benign", 0) + 1
            _reset(township, pristine)
        path.unlink()
    print(f"fuzz: {FUZZ_CASES} mutated packages, {outcomes}")
    assert outcomes.get("refused", 0) >= FUZZ_CASES * 0.9


def test_a_package_whose_records_point_at_records_the_township_lacks_is_refused(tmp_path):
    """Package 2 adds a role to a person sent in package 1; a township without that person refuses it."""
    from desktop.services import people_service
    from models.db import database
    from models.entities import Person

    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    people_service.add_person(session, "王建国", "男")
    first = exporter.export_package(session, village.paths, usb)
    close_database()
    session = township.use()
    importer.apply_import(session, first.path, township.paths, backup=False,
                          confirm=confirmed_by(village_beside(township)))
    receipt = exporter.export_package(session, township.paths, usb, recipient_code=VILLAGE_CODE)
    close_database()
    session = village.use()
    importer.apply_import(session, receipt.path, village.paths, backup=False)
    people_service.add_role(session, Person.get(Person.name == "王建国"), "representative", "2026-01-01")
    second = exporter.export_package(session, village.paths, usb)
    close_database()
    assert second.counts == {"person_role": 1}

    township.use()  # as if package 1's records had never arrived (the key is pinned all the same)
    database.execute_sql("DELETE FROM person WHERE owner = ?", (VILLAGE_CODE,))
    close_database()
    before = full_dump(township.paths.database)
    session = township.use()
    with pytest.raises(PackageRefused, match="引用了更早数据包"):
        importer.apply_import(session, second.path, township.paths, backup=False,
                              confirm=confirmed_by(village_beside(township)))
    close_database()
    assert full_dump(township.paths.database) == before
