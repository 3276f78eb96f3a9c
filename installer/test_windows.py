"""`make installer-test`: the Windows installer, tested under wine in a fresh prefix.

- silent install (`setup.exe /S`) into build/installer/wine-test (new each run)
- the install folder holds exactly the built file list, and no wine stub
- shortcuts (Start menu, desktop), Add/Remove Programs key, .cwpkg association
- the installed cunwu.exe (windowed) and cunwu-debug.exe run `selftest` offscreen, its step
  数据文件夹锁 among them (msvcrt.locking between two processes of the installed program)
- the installer refuses to run while cunwu.exe runs
- the same version installed over it (upgrade): data folder byte-identical
- silent uninstall: program files, shortcuts and keys gone; the data folder
  and a file the installer did not put there are kept
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    BUILD,
    DIST,
    BuildError,
    file_list,
    init_prefix,
    log,
    main_wrapper,
    require_tools,
    run,
    sha256,
    stub_names,
    version,
    wine_env,
)

PREFIX = BUILD / "wine-test"
C = PREFIX / "drive_c"
INSTDIR = C / "Program Files" / "cunwu"
APPNAME = "村民自治台账"
UNINST = r"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\cunwu"
SHORTCUTS = [C / "users" / "Public" / "Desktop" / f"{APPNAME}.lnk",
             C / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{APPNAME}.lnk"]
LOGS = BUILD / "test-logs"


def wine(*args: str, check: bool = True, timeout: float = 300, **extra: str):
    """Run a program in the test prefix (output piped, never a file)."""
    return run(["wine", *args], env=wine_env(PREFIX, **extra), check=check, capture=True,
               timeout=timeout)


def wait_wineserver() -> None:
    """Wait until every process of the prefix has exited (and the registry is saved)."""
    run(["wineserver", "-w"], env=wine_env(PREFIX), capture=True, timeout=300)


def expect(condition: bool, message: str) -> None:
    """Fail the test with `message` unless `condition`."""
    if not condition:
        raise BuildError(message)
    log(f"ok: {message}")


def reg_keys() -> dict[str, dict[str, str]]:
    """Keys and string/dword values of the prefix's HKLM (system.reg), decoded."""
    wait_wineserver()
    keys: dict[str, dict[str, str]] = {}
    current = None
    for line in (PREFIX / "system.reg").read_text("utf-8", errors="replace").splitlines():
        m = re.match(r"^\[(.+?)\]", line)
        if m:
            current = keys.setdefault(_unescape(m.group(1)).lower(), {})
            continue
        m = re.match(r'^(@|"(?:[^"\\]|\\.)*")=(.*)$', line)
        if m and current is not None:
            name = "" if m.group(1) == "@" else _unescape(m.group(1)[1:-1])
            value = m.group(2)
            if value.startswith('"'):
                value = _unescape(value[1:-1])
            current[name] = value
    return keys


def _unescape(s: str) -> str:
    r"""Wine's .reg escapes: \\, \", and \x{hex} for non-ASCII characters."""
    s = re.sub(r"\\x([0-9a-fA-F]{1,4})", lambda m: chr(int(m.group(1), 16)), s)
    return s.replace('\\"', '"').replace("\\\\", "\\")


def snapshot(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under `folder`."""
    return {rel: sha256(folder / rel) for rel in file_list(folder)}


def data_folder() -> Path:
    r"""The user data folder platformdirs gives under wine (%LOCALAPPDATA%\cunwu)."""
    users = [p for p in (C / "users").iterdir() if p.name not in ("Public",) and p.is_dir()]
    for user in users:
        candidate = user / "AppData" / "Local" / "cunwu"
        if candidate.exists():
            return candidate
    raise BuildError(f"no data folder found under {C / 'users'}/*/AppData/Local/cunwu")


def install(setup: Path, what: str) -> None:
    """Run the installer silently and wait for it."""
    started = time.monotonic()
    proc = wine(str(setup), "/S", check=False)
    wait_wineserver()
    expect(proc.returncode == 0, f"{what}: setup /S exited 0 ({time.monotonic() - started:.1f} s)")


def check_installed(expected_files: list[str], v: str) -> None:
    """Files, shortcuts, registry, association after an install."""
    have = set(file_list(INSTDIR))
    missing = [f for f in expected_files if f not in have]
    extra = sorted(have - set(expected_files) - {"uninstall.exe"})
    expect(not missing and not extra and "uninstall.exe" in have,
           f"install folder holds exactly the {len(expected_files)} built files + uninstall.exe"
           + (f" (missing {missing[:5]}, extra {extra[:5]})" if missing or extra else ""))
    stubs = stub_names()
    bundled = [f for f in have if f.rsplit("/", 1)[-1].lower() in stubs]
    expect(not bundled, f"no wine-only stub ({', '.join(sorted(stubs))}) in the install folder")
    for lnk in SHORTCUTS:
        expect(lnk.is_file() and "cunwu.exe" in lnk.read_bytes().decode("utf-16-le", "ignore")
               + lnk.read_bytes().decode("latin-1"),
               f"shortcut {lnk.relative_to(C)} points to cunwu.exe")
    keys = reg_keys()
    u = keys.get(UNINST.replace("\\\\", "\\").lower(), {})
    expect(u.get("DisplayName") == APPNAME and u.get("DisplayVersion") == v
           and u.get("Publisher") == "cunwu" and u.get("EstimatedSize", "").startswith("dword:")
           and "uninstall.exe" in u.get("UninstallString", "")
           and u.get("InstallLocation", "").lower() == r"c:\program files\cunwu",
           f"Add/Remove Programs key: {APPNAME} {v}, publisher, size "
           f"{int(u.get('EstimatedSize', 'dword:0')[6:], 16) // 1024} MiB, uninstall string")
    ext = keys.get(r"software\classes\.cwpkg", {})
    cmd = keys.get(r"software\classes\cunwu.package\shell\open\command", {})
    expect(ext.get("") == "cunwu.package"
           and cmd.get("") == '"C:\\Program Files\\cunwu\\cunwu.exe" "%1"',
           ".cwpkg -> cunwu.package -> \"...\\cunwu.exe\" \"%1\"")


def selftest(exe: str) -> None:
    """The installed program's selftest, offscreen, log to a file."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log_file = LOGS / f"selftest-{exe}.log"
    log_file.unlink(missing_ok=True)
    started = time.monotonic()
    proc = wine(str(INSTDIR / exe), "selftest", check=False, QT_QPA_PLATFORM="offscreen",
                CUNWU_SELFTEST_LOG="Z:" + str(log_file).replace("/", "\\"))
    text = log_file.read_text("utf-8") if log_file.exists() else "(no log written)"
    if proc.returncode != 0 or "FAIL" in text or text.count("PASS") < 6 or "PASS 数据文件夹锁" not in text:
        raise BuildError(f"{exe} selftest exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{text}")
    expect(True, f"installed {exe} selftest passed ({text.count('PASS')} steps, "
           f"{time.monotonic() - started:.1f} s); log {log_file.relative_to(BUILD.parent.parent)}")


def refuses_while_running(setup: Path) -> None:
    """Start the installed GUI (offscreen), run setup /S: it must refuse (exit 3)."""
    env = wine_env(PREFIX, QT_QPA_PLATFORM="offscreen")
    app = subprocess.Popen(["wine", str(INSTDIR / "cunwu.exe"), "--data-dir", r"C:\gui-test"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (C / "gui-test").exists():
            time.sleep(0.5)
        time.sleep(2)
        expect(app.poll() is None, "the installed cunwu.exe GUI is running (offscreen)")
        before = snapshot(INSTDIR)
        proc = wine(str(setup), "/S", check=False)
        expect(proc.returncode == 3, f"setup /S refuses while cunwu.exe runs (exit {proc.returncode})")
        expect(snapshot(INSTDIR) == before, "the install folder is untouched by the refused setup")
        uninst = wine(str(INSTDIR / "uninstall.exe"), "/S", "_?=C:\\Program Files\\cunwu",
                      check=False)
        # (its exit code is 0 under wine even when un.onInit quits; the files tell)
        expect(snapshot(INSTDIR) == before,
               f"the uninstaller refuses too while cunwu.exe runs (files kept, exit {uninst.returncode})")
    finally:
        app.kill()  # our own child, by its id
        app.wait(timeout=30)
        wait_wineserver()
    shutil.rmtree(C / "gui-test", ignore_errors=True)


def main() -> int:
    """Run every check; exit 1 with the first failure."""
    v = version()
    require_tools("wine", "wineserver")
    setup = DIST / f"cunwu-setup-{v}.exe"
    filelist = BUILD / "win-filelist.txt"
    if not setup.exists() or not filelist.exists():
        raise BuildError(f"{setup.relative_to(DIST.parent)} not built; run `make installer` first")
    expected_files = filelist.read_text("utf-8").split()
    if PREFIX.exists():
        run(["wineserver", "-k"], env=wine_env(PREFIX), check=False, capture=True)
        shutil.rmtree(PREFIX)
    init_prefix(PREFIX)  # the wine-only stubs go into its system32, as on the build prefix

    install(setup, "first install")
    check_installed(expected_files, v)
    selftest("cunwu.exe")
    selftest("cunwu-debug.exe")

    # Real data in the user data folder, made by the installed program.
    proc = wine(str(INSTDIR / "cunwu-debug.exe"), "init", "village", "--name", "测试村", "--code",
                "110101001001", check=False)
    expect(proc.returncode == 0, "cunwu-debug.exe init village wrote the user data folder")
    data = data_folder()
    (data / "用户笔记.txt").write_text("升级和卸载都不能动这个文件。", "utf-8")
    data_before = snapshot(data)
    expect(any(f.endswith(".sqlite3") for f in data_before),
           f"data folder {data.relative_to(C)} has the database ({len(data_before)} files)")

    refuses_while_running(setup)

    install(setup, "upgrade (same version over it)")
    check_installed(expected_files, v)
    expect(snapshot(data) == data_before, "upgrade kept the data folder byte-identical")

    foreign = INSTDIR / "不是安装程序的文件.txt"
    foreign.write_text("the uninstaller must leave me", "utf-8")
    proc = wine(str(INSTDIR / "uninstall.exe"), "/S", check=False)
    wait_wineserver()  # the uninstaller re-spawns itself from %TEMP%: wait for all
    expect(proc.returncode == 0, "uninstall.exe /S exited 0")
    left = file_list(INSTDIR) if INSTDIR.exists() else []
    expect(left == [foreign.name], f"uninstall removed every program file (left: {left})")
    expect(all(not s.exists() for s in SHORTCUTS), "uninstall removed both shortcuts")
    keys = reg_keys()
    expect(UNINST.replace("\\\\", "\\").lower() not in keys
           and r"software\classes\.cwpkg" not in keys and r"software\classes\cunwu.package" not in keys,
           "uninstall removed the Add/Remove Programs key and the .cwpkg association")
    expect(snapshot(data) == data_before, "uninstall kept the data folder byte-identical")
    log("installer-test: all checks passed")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    main_wrapper(main, "TEST FAILED")
