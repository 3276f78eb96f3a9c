"""`make deb-test`: install the .deb with dpkg, run `cunwu selftest`, remove it.

Needs root (or sudo): it really installs the package on this machine, then
removes it and checks that nothing of it is left.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BUILD, DIST, BuildError, log, main_wrapper, require_tools, run, version  # noqa: E402

SUDO = [] if os.geteuid() == 0 else ["sudo"]


def expect(condition: bool, message: str) -> None:
    """Fail the test with `message` unless `condition`."""
    if not condition:
        raise BuildError(message)
    log(f"ok: {message}")


def installed() -> bool:
    """Is the cunwu package installed (not only configured-files)?"""
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "cunwu"], capture_output=True,
                          text=True)
    return proc.returncode == 0 and "installed" in proc.stdout.split()[-1:]


def main() -> int:
    """Install, check, selftest, remove, check."""
    v = version()
    require_tools("dpkg", "dpkg-query")
    deb = DIST / f"cunwu_{v}_amd64.deb"
    if not deb.exists():
        raise BuildError(f"{deb.name} not built; run `make deb` first")
    if installed():
        log("removing a cunwu package left from before")
        run(SUDO + ["dpkg", "-r", "cunwu"], capture=True)

    proc = run(SUDO + ["dpkg", "-i", str(deb)], check=False, capture=True)
    if proc.returncode != 0:
        run(SUDO + ["dpkg", "-r", "cunwu"], check=False, capture=True)
        raise BuildError(f"dpkg -i failed (missing Depends? run `make system-deps`):\n{proc.stdout}")
    expect(installed(), f"dpkg -i {deb.name}")
    expect(shutil.which("cunwu") == "/usr/bin/cunwu" and Path("/usr/bin/cunwu").resolve()
           == Path("/opt/cunwu/cunwu"), "/usr/bin/cunwu -> /opt/cunwu/cunwu")
    out = run(["/usr/bin/cunwu", "--version"], capture=True).stdout.strip()
    expect(out == f"cunwu {v}", f"cunwu --version prints {out!r}")
    for f in ("/usr/share/applications/cunwu.desktop", "/usr/share/mime/packages/cunwu.xml",
              "/usr/share/icons/hicolor/256x256/apps/cunwu.png"):
        expect(Path(f).is_file(), f"{f} installed")
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", "/usr/share/applications/cunwu.desktop"], capture=True)
        log("ok: desktop-file-validate")
    globs = Path("/usr/share/mime/globs2")
    if shutil.which("update-mime-database") and globs.exists():
        expect("*.cwpkg" in globs.read_text("utf-8"), "*.cwpkg registered in the MIME database")

    log_file = BUILD / "test-logs" / "selftest-deb.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.unlink(missing_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CUNWU_SELFTEST_LOG=str(log_file))
    started = time.monotonic()
    proc = run(["cunwu", "selftest"], env=env, check=False, capture=True)
    text = log_file.read_text("utf-8") if log_file.exists() else "(no log)"
    if proc.returncode != 0 or "FAIL" in text or text.count("PASS") < 6:
        run(SUDO + ["dpkg", "-r", "cunwu"], check=False, capture=True)
        raise BuildError(f"cunwu selftest exited {proc.returncode}:\n{proc.stdout}\n{text}")
    expect(True, f"cunwu selftest passed ({text.count('PASS')} steps, "
           f"{time.monotonic() - started:.1f} s)")

    run(SUDO + ["dpkg", "-r", "cunwu"], capture=True)
    expect(not installed(), "dpkg -r cunwu")
    left = [p for p in ("/opt/cunwu", "/usr/bin/cunwu", "/usr/share/applications/cunwu.desktop",
                        "/usr/share/mime/packages/cunwu.xml",
                        "/usr/share/icons/hicolor/256x256/apps/cunwu.png") if os.path.lexists(p)]
    expect(not left, f"nothing of the package is left ({left or 'checked /opt, /usr/bin, /usr/share'})")
    if shutil.which("update-mime-database") and globs.exists():
        expect("*.cwpkg" not in globs.read_text("utf-8"), "*.cwpkg gone from the MIME database")
    log("deb-test: all checks passed")
    return 0


if __name__ == "__main__":
    main_wrapper(main, "TEST FAILED")
