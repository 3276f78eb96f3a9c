"""Issue 16, smaller holes: "a manifest `ack.seq` beyond what was sent is refused".

A package's `ack` tells its recipient how far the sender holds the
recipient's packages (number) and changes (seq). The recipient sends only
changes above the acknowledged seq from then on, so a genuine, correctly
signed package that claims more than was ever sent would make the recipient
skip changes for good. Such a package is refused whole, with a Chinese
reason, journalled, and the database is left byte-identical.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.services import exchange_service
from desktop.sync import importer, keys
from desktop.sync import package_format as fmt
from models.db import close_database
from models.errors import PackageRefused
from tests.support.sites import Site, add_people, export_to, full_dump, import_into, make_pair


def _resigned(src: Path, dst: Path, signer: Site, edit) -> Path:
    """`src` with its manifest edited and signed again with `signer`'s own key (a lying sender)."""
    with zipfile.ZipFile(src) as zf:
        members = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    manifest = json.loads(next(d for n, d in members if n == fmt.MANIFEST))
    edit(manifest)
    body = fmt.canonical_json(manifest)
    signature = keys.b64(keys.load_or_create(signer.paths.keys).signing.sign(body)).encode()
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_STORED) as out:
        for name, data in members:
            data = body if name == fmt.MANIFEST else signature if name == fmt.SIGNATURE else data
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return dst


@pytest.fixture
def exchanged(tmp_path):
    """The village sent package 1, the township imported it and sent back its 回执 (number 1), imported."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    add_people(session, "王建国")
    close_database()
    import_into(township, export_to(village, usb).path)
    session = township.use()
    # a township record that does not travel to this village: another village enrolled
    exchange_service.enroll_village(session, township.paths, "330106001002", "白云村", usb)
    close_database()
    back = export_to(township, tmp_path, recipient_code=village_code(village))
    import_into(village, back.path)
    session = village.use()
    add_people(session, "李秀英")
    close_database()
    return township, village, usb, back


def village_code(village: Site) -> str:
    from desktop.services import setup_service

    village.use()
    try:
        return setup_service.current().code
    finally:
        close_database()


def _refused(site: Site, path: Path) -> str:
    before = full_dump(site.paths.database)
    session = site.use()
    with pytest.raises(PackageRefused) as err:
        importer.apply_import(session, path, site.paths, backup=False)
    close_database()
    assert full_dump(site.paths.database) == before
    journal = (site.paths.data_dir / importer.REFUSALS_FILE).read_text("utf-8")
    assert path.name in journal
    return str(err.value)


def test_an_ack_seq_beyond_what_was_sent_is_refused(exchanged, tmp_path):
    """"a manifest `ack.seq` beyond what was sent is refused": the village claims to hold township changes
    the township never sent it (its later changes would be skipped for good)."""
    township, village, usb, back = exchanged
    genuine = export_to(village, usb).path
    lying = _resigned(genuine, tmp_path / "lying.cwpkg", village,
                      lambda m: m["ack"].update(seq=back.seq_to + 1000))
    text = _refused(township, lying)
    assert "回执" in text and "已拒绝导入" in text
    import_into(township, genuine)  # the honest package still imports


def test_an_ack_number_beyond_what_was_sent_is_refused(exchanged, tmp_path):
    """The same hole by package number: an ack of the township's package 99 when it sent one (was clamped silently)."""
    township, village, usb, _ = exchanged
    genuine = export_to(village, usb).path
    lying = _resigned(genuine, tmp_path / "lying.cwpkg", village, lambda m: m["ack"].update(number=99))
    text = _refused(township, lying)
    assert "第 99 号" in text


def test_an_ack_beyond_is_refused_at_the_village_too(exchanged, tmp_path):
    """Township → village: a return package acknowledging village changes the village never sent."""
    township, village, usb, _ = exchanged
    genuine = export_to(township, tmp_path, recipient_code=village_code(village)).path
    lying = _resigned(genuine, tmp_path / "lying.cwpkg", township, lambda m: m["ack"].update(seq=10**6))
    assert "已拒绝导入" in _refused(village, lying)
