"""Issue 16, "First contact is trusted silently": the township pins a key only after a person confirms it.

The attacker holds 青山村's 入网文件 (it was forwarded, or left on a shared
U盘), sets up a PC of their own from it and sends a "first package" before
the real village does. The township's `cunwu import --yes` must not pin that
key: first contact needs `--fingerprint`, the 8 characters the real
village's secretary reads from `cunwu info` (or 关于) on the phone.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.paths import AppPaths
from desktop.sync import enrollment, exporter, importer, keys
from models.db import close_database
from models.sync.records import Peer
from tests.support.sites import VILLAGE_CODE, VILLAGE_NAME, Site, add_people, make_pair


def _run(capsys, *argv) -> tuple[int, dict, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    out = captured.out.strip().splitlines()
    try:
        result = json.loads(out[-1]) if out else {}
    except json.JSONDecodeError:  # the readable text (no --json)
        result = {}
    return code, result, captured.err


@pytest.fixture
def world(tmp_path):
    """青山镇 enrolled 青山村; the real village and an impostor (from the same 入网文件) each exported a package."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    setup_file = next(usb.glob(f"{VILLAGE_CODE}_入网文件_*.cwpkg"))
    impostor = Site(AppPaths(tmp_path / "冒充的电脑"), "village")
    impostor.use()
    enrollment.initialize_from_setup(setup_file)
    session = impostor.use()
    add_people(session, "冒名者")
    stick = tmp_path / "冒充的U盘"
    stick.mkdir()
    fake = exporter.export_package(session, impostor.paths, stick).path
    session = village.use()
    add_people(session, "张三")
    genuine = exporter.export_package(session, village.paths, usb).path
    close_database()
    return township, village, impostor, fake, genuine


def _pinned(township: Site) -> Peer:
    township.use()
    try:
        return Peer.get(Peer.code == VILLAGE_CODE)
    finally:
        close_database()


def _journal(township: Site) -> list[dict]:
    return importer.read_refusals(township.paths.data_dir)


def test_import_yes_refuses_first_contact_without_the_fingerprint(world, capsys):
    """Attack: 'Whoever holds a village's 入网文件 can set up a PC, export, and `import --yes` at the township
    pins that key; the genuine village is refused afterwards.'"""
    township, village, _impostor, fake, genuine = world
    before = township.paths.database.read_bytes()

    code, result, err = _run(capsys, "--data-dir", township.paths.data_dir, "--json", "import", "--yes", fake)
    assert code == 1
    reason = result["packages"][0]["error"]
    assert "第一个数据包" in reason and "核对电脑指纹" in reason and "--fingerprint" in reason
    assert f"请打电话给{VILLAGE_NAME}" in reason
    assert "Traceback" not in err
    assert township.paths.database.read_bytes() == before, "a refusal changes nothing"
    assert _journal(township)[0]["reason"] == reason and _journal(township)[0]["file"] == fake.name
    assert _pinned(township).status == "pending" and not _pinned(township).sign_key

    # The real village reads its fingerprint from `cunwu info`; with it, the real package is imported.
    code, info, _ = _run(capsys, "--data-dir", village.paths.data_dir, "info", "--json")
    assert code == 0
    code, result, err = _run(capsys, "--data-dir", township.paths.data_dir, "import", genuine, "--yes",
                             "--fingerprint", info["fingerprint"], "--json")
    assert code == 0, err
    peer = _pinned(township)
    assert peer.status == "active" and peer.fingerprint == info["fingerprint_full"]


def test_a_wrong_fingerprint_is_refused_too(world, capsys):
    """Attack: the impostor's package with the real village's fingerprint read out on the phone (the keys differ)."""
    from desktop.sync import first_contact

    township, village, _impostor, fake, _genuine = world
    real = first_contact.spoken(keys.load_or_create(village.paths.keys).fingerprint)
    before = township.paths.database.read_bytes()
    code, result, err = _run(capsys, "--data-dir", township.paths.data_dir, "--json", "import", "--yes",
                             "--fingerprint", real, fake)
    assert code == 1 and "电脑指纹不一致" in result["packages"][0]["error"]
    assert "电脑指纹不一致" in err and "Traceback" not in err
    assert township.paths.database.read_bytes() == before
    assert "电脑指纹不一致" in _journal(township)[0]["reason"]
    assert _pinned(township).status == "pending"


def test_the_fingerprint_is_compared_without_case_spaces_or_dashes(world, capsys):
    """What a person types from the phone: lower case, a space instead of the dash, full-width letters."""
    from desktop.sync import first_contact

    township, village, _impostor, _fake, genuine = world
    spoken = first_contact.spoken(keys.load_or_create(village.paths.keys).fingerprint)
    typed = " " + spoken.replace("-", " ").lower()
    assert first_contact.matches(keys.load_or_create(village.paths.keys).fingerprint, typed)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in spoken.replace("-", ""))
    assert first_contact.matches(keys.load_or_create(village.paths.keys).fingerprint, full_width)
    code, result, err = _run(capsys, "--data-dir", township.paths.data_dir, "--json", "import", "--yes",
                             "--fingerprint", typed, genuine)
    assert code == 0, err


def test_a_package_after_first_contact_needs_no_fingerprint(world, capsys):
    from desktop.sync import first_contact

    township, village, _impostor, _fake, genuine = world
    spoken = first_contact.spoken(keys.load_or_create(village.paths.keys).fingerprint)
    assert _run(capsys, "--data-dir", township.paths.data_dir, "--json", "import", "--yes", "--fingerprint", spoken,
                genuine)[0] == 0
    session = village.use()
    add_people(session, "李四")
    second = exporter.export_package(session, village.paths, genuine.parent).path
    close_database()
    code, result, err = _run(capsys, "--data-dir", township.paths.data_dir, "--json", "import", "--yes", second)
    assert code == 0, err


def test_info_prints_mode_code_name_province_and_fingerprint(world, capsys):
    """`cunwu --json info` (either side of the command) and the readable Chinese text."""
    from desktop.sync import first_contact

    township, village, _impostor, _fake, _genuine = world
    full = keys.load_or_create(village.paths.keys).fingerprint
    for argv in (("--json", "info"), ("info", "--json")):
        code, info, _ = _run(capsys, "--data-dir", village.paths.data_dir, *argv)
        assert code == 0
        assert {k: info[k] for k in ("mode", "code", "name", "province")} == {
            "mode": "village", "code": VILLAGE_CODE, "name": VILLAGE_NAME, "province": "zhejiang"}
        assert info["fingerprint"] == first_contact.spoken(full) and len(info["fingerprint"]) == 9
        assert full.replace(" ", "").startswith(info["fingerprint"].replace("-", ""))
        assert info["township"]["code"] == "330106001"
    assert cli.main(["--data-dir", str(village.paths.data_dir), "info"]) == 0
    text = capsys.readouterr().out
    assert f"电脑指纹:{first_contact.spoken(full)}" in text and "青山村" in text
    code, info, _ = _run(capsys, "--data-dir", township.paths.data_dir, "--json", "info")
    assert code == 0 and info["mode"] == "township" and info["township"] is None


def test_info_before_setup_says_so(tmp_path, capsys):
    code, result, err = _run(capsys, "--data-dir", tmp_path / "空", "--json", "info")
    assert code == 1 and "还没有初始化" in err


def test_spoken_form_is_the_start_of_the_full_fingerprint():
    from desktop.sync import first_contact

    full = "ABCD EFGH IJKL MNOP QRST UVWX"
    assert first_contact.spoken(full) == "ABCD-EFGH"
    assert first_contact.matches(full, "abcd efgh") and first_contact.matches(full, full)
    assert not first_contact.matches(full, "ABCD-EFGX") and not first_contact.matches(full, "")
    assert not first_contact.matches(full, "ABCD") and first_contact.spoken("") == ""


def test_first_line_of_the_setup_file_says_to_hand_it_over_in_person(world):
    """Attack: the 入网文件 is all an impostor needs; the first line a person reads when opening it says so."""
    import zipfile

    township, *_ = world
    setup_file = next(Path(township.paths.data_dir).parent.glob(f"U盘/{VILLAGE_CODE}_入网文件_*.cwpkg"))
    with zipfile.ZipFile(setup_file) as zf:
        readme = zf.read("说明.txt").decode("utf-8")
    first = readme.splitlines()[0]
    assert "当面交给" in first and "不要" in first and "微信" in first


def test_enrolling_says_to_hand_the_file_over_in_person(world, tmp_path, capsys):
    """`cunwu enroll` (and the 村庄 page's message, same words) tells the township how the file travels."""
    township, *_ = world
    out = tmp_path / "给白云村"
    out.mkdir()
    assert cli.main(["--data-dir", str(township.paths.data_dir), "enroll", "--village-code", "330106001002",
                     "--village-name", "白云村", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "当面交给村里" in text and "不要通过微信" in text
    from ui.township.villages_actions import enrolled_message

    assert "当面交给村里" in enrolled_message(out / "x.cwpkg", "ABCD EFGH")[1]


class _Terminal(io.StringIO):
    """A person at a terminal: answers typed in advance, one a line."""

    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_import_asks_for_the_fingerprint(world, capsys, monkeypatch):
    """Without --yes on a terminal: the preview, 导入? and then the 8 characters heard on the phone."""
    from desktop.sync import first_contact

    township, village, _impostor, fake, genuine = world
    real = first_contact.spoken(keys.load_or_create(village.paths.keys).fingerprint)
    monkeypatch.setattr(sys, "stdin", _Terminal(f"y\n{real}\n"))
    code, _result, err = _run(capsys, "--data-dir", township.paths.data_dir, "import", fake)
    assert code == 1 and "电脑指纹不一致" in err and "请对方在“数据交换”页右上角(或“帮助 → 关于”)念出电脑指纹" in err
    monkeypatch.setattr(sys, "stdin", _Terminal(f"y\n{real.lower()}\n"))
    code, _result, err = _run(capsys, "--data-dir", township.paths.data_dir, "import", genuine)
    assert code == 0, err
    assert _pinned(township).status == "active"
