"""Issue 16, "First contact is trusted silently", at every way into the importer, not only the CLI's.

The CLI and the import preview asked for the fingerprint, but the check ran
only when a caller passed one: `importer.apply_import`, `exchange_service.
import_package` without `fingerprint=` and `import_packages` (a batch with no
preview) pinned a stranger's key silently. Now refusing is the default
(`first_contact.refuse_first_contact`): each entry point below is given a
village's first package and nothing a person confirmed, and must refuse it
— a Chinese reason, journalled, the database byte-identical, the village
still pending. The last test reads the sources, so that a new caller cannot
hand `apply_import` a hook of its own that skips the person.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.paths import AppPaths
from desktop.services import exchange_service, people_service
from desktop.sync import first_contact, importer
from models.db import close_database
from models.errors import PackageRefused
from models.sync.records import Peer
from tests.support.first_contact import genuine
from tests.support.sites import (
    VILLAGE_CODE,
    VILLAGE_NAME,
    Site,
    canonical_dump,
    export_to,
    full_dump,
    make_pair,
    township_with_villages,
)

ROOT = Path(__file__).resolve().parents[2]
#: The hooks a caller may hand `apply_import` (each ends in `first_contact.require_confirmed`).
HOOKS = {"confirmer", "batch_confirmer", "own_keys"}


@pytest.fixture
def first(tmp_path):
    """青山镇 enrolled 青山村, which exported its first package; (township, village, package)."""
    township, village, usb = make_pair(tmp_path, years=0, demo=False)
    session = village.use()
    people_service.add_person(session, "张三", "男")
    close_database()
    return township, village, export_to(village, usb).path


def _status(township: Site, code: str = VILLAGE_CODE) -> str:
    township.use()
    try:
        return Peer.get(Peer.code == code).status
    finally:
        close_database()


def _refused_unchanged(township: Site, call) -> str:
    """Run `call(session)` on the township: refused, journalled, the database file byte-identical."""
    close_database()
    before_bytes, before = township.paths.database.read_bytes(), full_dump(township.paths.database)
    journalled = len(importer.read_refusals(township.paths.data_dir))
    session = township.use()
    try:
        with pytest.raises(PackageRefused) as err:
            call(session)
    finally:
        close_database()
    assert township.paths.database.read_bytes() == before_bytes and full_dump(township.paths.database) == before
    journal = importer.read_refusals(township.paths.data_dir)
    assert len(journal) == journalled + 1 and journal[0]["reason"] == str(err.value)
    assert not list(township.paths.backups.glob("*before-import*")), "refused before the backup"
    assert _status(township) == "pending"
    return str(err.value)


def test_apply_import_without_a_confirmation_refuses_first_contact(first):
    """Attack: 'Whoever holds a village's 入网文件 can … export, and import … at the township pins that key'
    — through `importer.apply_import` called without a `confirm` hook (the default)."""
    township, village, package = first
    reason = _refused_unchanged(township, lambda s: importer.apply_import(s, package, township.paths))
    assert f"这是{VILLAGE_NAME}({VILLAGE_CODE})的第一个数据包" in reason and "核对电脑指纹" in reason
    # with the fingerprint the village reads out, the same file imports
    session = township.use()
    importer.apply_import(session, package, township.paths, backup=False,
                          confirm=first_contact.confirmer(genuine(village.paths)))
    close_database()
    assert _status(township) == "active"


def test_import_package_without_a_fingerprint_refuses_first_contact(first):
    """Attack: the same, through `exchange_service.import_package` with no `fingerprint=` (any screen's call)."""
    township, _village, package = first
    reason = _refused_unchanged(township, lambda s: exchange_service.import_package(s, township.paths, package))
    assert "第一个数据包" in reason and "核对电脑指纹" in reason
    reason = _refused_unchanged(township, lambda s: exchange_service.import_package(
        s, township.paths, package, fingerprint=""))
    assert "第一个数据包" in reason


def test_own_keys_with_another_installations_fingerprint_refuses(first, tmp_path):
    """The demo's hook is no opt-out: a fingerprint that is not the package's key refuses it."""
    township, _village, package = first
    other = Site(AppPaths(tmp_path / "别的电脑"), "village")
    reason = _refused_unchanged(township, lambda s: importer.apply_import(
        s, package, township.paths, confirm=first_contact.own_keys(genuine(other.paths))))
    assert "电脑指纹不一致" in reason


def test_a_batch_leaves_a_first_package_out_and_imports_the_others(tmp_path):
    """Attack: `import_packages`, a batch with no preview, pinned every new key it met. Now a first package
    is left out with "…的第一个数据包需要先核对电脑指纹,请单独导入"; the others of the batch go on."""
    villages = [(VILLAGE_CODE, VILLAGE_NAME), ("330106001002", "绿水村")]
    township, _ = township_with_villages(tmp_path, villages, lambda i, _s: i == 0)  # 绿水村 has sent nothing
    close_database()
    green = Site(AppPaths(tmp_path / "330106001002"), "village")
    people_service.add_person(green.use(), "李四", "女")
    close_database()
    blue = Site(AppPaths(tmp_path / VILLAGE_CODE), "village")
    people_service.add_person(blue.use(), "王五", "男")
    close_database()
    usb = tmp_path / "批量"
    usb.mkdir()
    green_first, blue_second = export_to(green, usb).path, export_to(blue, usb).path

    session = township.use()
    result = exchange_service.import_packages(session, township.paths, [green_first, blue_second])
    close_database()
    assert [o.ok for o in result.outcomes] == [False, True]
    reason = str(result.outcomes[0].error)
    assert reason.startswith("绿水村的第一个数据包需要先核对电脑指纹,请单独导入")
    assert importer.read_refusals(township.paths.data_dir)[0]["reason"] == reason
    assert _status(township, "330106001002") == "pending"
    assert canonical_dump(township.paths.database, "330106001002") == {}
    assert result.outcomes[1].plan.total("new") == 1  # 青山村's package, its key already pinned

    # what a person typed for 绿水村 after the phone call lets the batch take it
    session = township.use()
    result = exchange_service.import_packages(session, township.paths, [green_first],
                                              fingerprints={"330106001002": genuine(green.paths)})
    close_database()
    assert [o.ok for o in result.outcomes] == [True] and _status(township, "330106001002") == "active"


def test_the_cli_without_a_fingerprint_refuses_first_contact(first, capsys):
    """Attack: '`import --yes` at the township pins that key' — exit 1, the reason in `--json`."""
    township, _village, package = first
    before = township.paths.database.read_bytes()
    code = cli.main(["--data-dir", str(township.paths.data_dir), "--json", "import", "--yes", str(package)])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 1 and "第一个数据包" in out["packages"][0]["error"]
    assert township.paths.database.read_bytes() == before and _status(township) == "pending"


def _calls_of_apply_import(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name == "apply_import":
                    yield path.relative_to(ROOT), node


def _hook_name(value: ast.expr) -> str:
    """`first_contact.confirmer(...)` → "first_contact.confirmer"; anything else → its source."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
            and isinstance(value.func.value, ast.Name):
        return f"{value.func.value.id}.{value.func.attr}"
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return value.func.id
    return ast.unparse(value)


def test_every_caller_of_apply_import_goes_through_the_person_rule():
    """A new entry point cannot forget the rule: it either passes no hook (first contact refused) or one made
    by `first_contact` (in tests also `confirmed_by`, the genuine fingerprint read from the sender's keys).
    The demo's `own_keys` is used only by the demo township, and the screens never call the importer."""
    seen, wrong = [], []
    for folder, allowed in (("desktop", set()), ("ui", set()), ("tests", {"confirmed_by"})):
        for path, call in _calls_of_apply_import(ROOT / folder):
            if str(path) == "desktop/sync/importer.py":
                continue
            seen.append(str(path))
            if len(call.args) > 4:
                wrong.append(f"{path}:{call.lineno}: the hook passed by position")
            for kw in call.keywords:
                if kw.arg is None:
                    wrong.append(f"{path}:{call.lineno}: **kwargs may hide a hook")
                if kw.arg != "confirm" or (isinstance(kw.value, ast.Constant) and kw.value.value is None):
                    continue
                hook = _hook_name(kw.value)
                module, _, name = hook.rpartition(".")
                if not ((module == "first_contact" and name in HOOKS) or (not module and hook in allowed)):
                    wrong.append(f"{path}:{call.lineno}: confirm={hook}")
                if name == "own_keys" and folder != "tests" and str(path) != "desktop/demo_township.py":
                    wrong.append(f"{path}:{call.lineno}: own_keys outside the demo")
    assert not wrong, "\n".join(wrong)
    assert {"desktop/cli.py", "desktop/services/exchange_service.py", "desktop/demo_township.py"} <= set(seen)
    for path in sorted((ROOT / "ui").rglob("*.py")):
        text = path.read_text("utf-8")
        assert "sync import importer" not in text and "sync.importer" not in text, path
