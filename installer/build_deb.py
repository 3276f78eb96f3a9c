"""`make deb`: dist/cunwu_<version>_amd64.deb from a Linux PyInstaller build.

  1. check the inputs (version, installer/requirements-linux.txt vs pyproject.toml)
  2. a build venv (build/installer/linux-venv) from the hashed requirements
  3. PyInstaller with installer/cunwu.spec -> build/installer/linux/dist/cunwu
  4. the package tree: /opt/cunwu (the folder), /usr/bin/cunwu (symlink),
     a .desktop entry with the icon, the .cwpkg MIME type (shared-mime-info)
  5. dpkg-deb --root-owner-group, file times clamped to SOURCE_DATE_EPOCH

No maintainer scripts: the MIME, desktop and icon caches are refreshed by the
dpkg triggers of shared-mime-info, desktop-file-utils and hicolor-icon-theme.
`Depends` names only libraries every UOS/Kylin desktop has (X11/GL/fonts);
Qt, Python and the rest travel inside /opt/cunwu.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    BUILD,
    DIST,
    INSTALLER,
    ROOT,
    BuildError,
    check_no_wine_stubs,
    check_pins_match_pyproject,
    check_resources_listed,
    clamp_mtimes,
    file_list,
    forget_output,
    log,
    main_wrapper,
    record_sums,
    require_tools,
    run,
    sha256,
    source_date_epoch,
    version,
)

VENV = BUILD / "linux-venv"
WORK = BUILD / "linux"
BUNDLE = WORK / "dist" / "cunwu"
STAGE = BUILD / "deb" / "root"
REQ = INSTALLER / "requirements-linux.txt"

# Libraries the bundle loads from the system (PyInstaller leaves these out on
# purpose: they must match the machine's X server, GPU driver and fonts).
DEPENDS = ["libgl1 | libgl1-mesa-glx", "libegl1 | libegl1-mesa", "libfontconfig1", "libfreetype6",
           "libx11-6", "libx11-xcb1", "libxcb1", "libxkbcommon0", "libxkbcommon-x11-0",
           "libdbus-1-3"]

DESKTOP = """[Desktop Entry]
Type=Application
Name=村民自治台账
Name[zh_CN]=村民自治台账
GenericName=Village self-governance records
GenericName[zh_CN]=村务台账
Comment=离线记录村务:会议、村规民约、村务公开、监督
Exec=/opt/cunwu/cunwu %f
Icon=cunwu
Terminal=false
Categories=Office;
MimeType=application/x-cunwu-package;
StartupWMClass=cunwu
"""

MIME = """<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-cunwu-package">
    <comment>cunwu data package</comment>
    <comment xml:lang="zh_CN">村务数据包</comment>
    <sub-class-of type="application/zip"/>
    <generic-icon name="cunwu"/>
    <glob pattern="*.cwpkg"/>
  </mime-type>
</mime-info>
"""


def ensure_venv() -> Path:
    """The Linux build venv with the pinned, hashed wheels (cached by stamp)."""
    if sys.version_info[:2] != (3, 11):
        raise BuildError(f"the Linux build needs CPython 3.11 (requirements-linux.txt is locked "
                         f"for it); this is {sys.version.split()[0]}")
    if not sysconfig.get_config_var("Py_ENABLE_SHARED"):
        raise BuildError("PyInstaller needs a Python built with --enable-shared (libpython3.11.so)")
    stamp = VENV / ".stamp"
    digest = hashlib.sha256(REQ.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        log("Linux build venv: cached")
        return VENV / "bin" / "python"
    log("Linux build venv: pip install --require-hashes")
    if VENV.exists():
        shutil.rmtree(VENV)
    run([sys.executable, "-m", "venv", str(VENV)])
    proc = run([str(VENV / "bin" / "pip"), "install", "-q", "--require-hashes", "--no-deps",
                "--only-binary=:all:", "-r", str(REQ)], check=False, capture=True)
    if proc.returncode != 0:
        missing = re.findall(r"No matching distribution found for (\S+)", proc.stdout)
        raise BuildError(f"wheel missing: {', '.join(missing)}" if missing else
                         f"pip install failed:\n{proc.stdout[-2000:]}")
    stamp.write_text(digest)
    return VENV / "bin" / "python"


def pyinstaller(python: Path, v: str) -> None:
    """PyInstaller (Linux) with the shared spec."""
    log("PyInstaller (Linux)")
    env = dict(os.environ, PYTHONHASHSEED="0", CUNWU_EXPECTED_VERSION=v,
               SOURCE_DATE_EPOCH=str(source_date_epoch()))
    proc = run([str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "ERROR",
                "--distpath", str(WORK / "dist"), "--workpath", str(WORK / "work"),
                str(INSTALLER / "cunwu.spec")], env=env, check=False, capture=True)
    if proc.returncode != 0 or not (BUNDLE / "cunwu").exists():
        refused = [line for line in proc.stdout.splitlines() if "BUILD REFUSED" in line]
        raise BuildError(refused[0].split("BUILD REFUSED:", 1)[1].strip() if refused
                         else f"PyInstaller failed:\n{proc.stdout[-3000:]}")


def glibc_floor() -> str:
    """The newest GLIBC_x.y symbol version any ELF file of the bundle needs."""
    newest = (2, 17)
    for rel in file_list(BUNDLE):
        path = BUNDLE / rel
        with open(path, "rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def stage(v: str) -> Path:
    """Lay out the package tree and write DEBIAN/control."""
    if STAGE.exists():
        shutil.rmtree(STAGE)
    opt = STAGE / "opt" / "cunwu"
    shutil.copytree(BUNDLE, opt, symlinks=True)
    check_no_wine_stubs(opt, windows=False)
    (STAGE / "usr" / "bin").mkdir(parents=True)
    os.symlink("../../opt/cunwu/cunwu", STAGE / "usr" / "bin" / "cunwu")
    share = STAGE / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / "cunwu.desktop").write_text(DESKTOP, "utf-8")
    icons = share / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "cunwu.png", icons / "cunwu.png")
    (share / "mime" / "packages").mkdir(parents=True)
    (share / "mime" / "packages" / "cunwu.xml").write_text(MIME, "utf-8")
    doc = share / "doc" / "cunwu"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text("cunwu — 村民自治台账\nLicense: proprietary (LicenseRef-Proprietary)\n"
                                   "Bundled: CPython (PSF), Qt 6 / PySide6 (LGPLv3), peewee, openpyxl,"
                                   " python-docx, cryptography, platformdirs (see their licenses).\n"
                                   "Data: a Traditional-to-Simplified character table derived from OpenCC"
                                   " (Apache License 2.0, https://github.com/BYVoid/OpenCC).\n",
                                   "utf-8")
    # Modes: folders 755, programs and shared objects 755, everything else 644.
    for p in [STAGE, *STAGE.rglob("*")]:
        if p.is_symlink():
            continue
        if p.is_dir():
            p.chmod(0o755)
        else:
            with open(p, "rb") as f:
                elf = f.read(4) == b"\x7fELF"
            p.chmod(0o755 if elf else 0o644)
    size_kb = sum(p.stat().st_size for p in STAGE.rglob("*") if p.is_file() and not p.is_symlink())
    size_kb = (size_kb + 1023) // 1024
    depends = ", ".join([f"libc6 (>= {glibc_floor()})", *DEPENDS])
    control = STAGE / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: cunwu\nVersion: {v}\nArchitecture: amd64\nMaintainer: cunwu <cunwu@localhost>\n"
        f"Installed-Size: {size_kb}\nDepends: {depends}\nSection: misc\nPriority: optional\n"
        "Homepage: https://localhost/cunwu\n"
        "Description: 村民自治台账 — offline record keeping for village self-governance\n"
        " Meetings, village rules (村规民约), disclosure (村务公开) and supervision records\n"
        " for villages and townships, kept offline and exchanged by .cwpkg packages.\n"
        " Python, Qt and every library travel inside /opt/cunwu.\n", "utf-8")
    control.parent.chmod(0o755)
    control.chmod(0o644)
    return STAGE


def main() -> int:
    """Build the .deb; print its size and SHA-256."""
    v = version()
    check_pins_match_pyproject(REQ)
    check_resources_listed()
    require_tools("dpkg-deb", "objdump")
    log(f"cunwu {v}: Linux .deb")
    forget_output(DIST / f"cunwu_{v}_amd64.deb")
    python = ensure_venv()
    pyinstaller(python, v)
    for rel in ("_internal/models/schema/0001_initial.sql", "_internal/resources/style.qss",
                "_internal/resources/translations/qt_common_zh_CN.qm",
                "_internal/PySide6/Qt/translations/qtbase_zh_CN.qm", "cunwu-debug"):
        if not (BUNDLE / rel).exists():
            raise BuildError(f"{rel} is missing from the Linux bundle")
    (BUILD / "linux-filelist.txt").write_text("\n".join(file_list(BUNDLE)) + "\n", "utf-8")
    root = stage(v)
    epoch = source_date_epoch()
    clamp_mtimes(root, epoch)
    DIST.mkdir(exist_ok=True)
    out = DIST / f"cunwu_{v}_amd64.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)], env=env,
        capture=True)
    record_sums(out)
    log(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.1f} MB, sha256 {sha256(out)}")
    return 0


if __name__ == "__main__":
    main_wrapper(main)
