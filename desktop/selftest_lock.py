"""`cunwu selftest`'s step "数据文件夹锁": the folder's lock between real processes.

`desktop.folder_lock` locks with `msvcrt.locking` on Windows and
`fcntl.flock` on Linux; the Linux path is covered by the unit tests, the
Windows one only runs inside the built program. So the selftest proves it
there, with the same executable as the user's (the frozen `cunwu.exe` is
`sys.executable`; unfrozen, `python -m desktop`), in a temporary folder:

1. this process holds the folder; a second process running a command that
   writes (`cunwu --json --data-dir T init village …`) is refused, exit 1,
   naming this process as the holder, and writes no database;
2. once released, a new process takes the folder (a hidden start,
   `HOLD_ARG`, that holds it until it is ended) and this process is refused
   naming that one;
3. that process is killed (TerminateProcess / SIGKILL): the lock file it
   leaves behind does not block, this process takes the folder again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

#: The hidden first argument that starts the holder of step 2 (`cunwu HOLD_ARG FOLDER READY`).
HOLD_ARG = "--selftest-hold-folder-lock"
#: How long a holder waits to be ended before it gives the folder back on its own (a lost selftest).
HOLD_SECONDS = 120
#: How long a started program may take to answer (a frozen program under wine starts in ~2 s).
START_TIMEOUT = 120
#: How long the system may take to give back the lock of a killed process (Windows: "depends on resources").
RELEASE_TIMEOUT = 10


def program() -> list[str]:
    """The command that starts this same program: the frozen executable, or `python -m desktop`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop"]


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONUTF8="1")
    if not getattr(sys, "frozen", False):  # run the code that runs here, whatever the working folder
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def _popen_options() -> dict:
    """Pipes for every stream (wine's CPython fails on a closed stdin or a file), no console window."""
    options: dict = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE,
                     "env": _env()}
    if os.name == "nt":
        options["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    return options


def hold(argv: list[str]) -> int:
    """The hidden holder: take FOLDER's lock, write READY, wait to be ended (at most `HOLD_SECONDS`)."""
    from desktop import folder_lock

    if len(argv) != 2:
        return 2
    folder, ready = Path(argv[0]), Path(argv[1])
    lock = folder_lock.acquire(folder, "cli:selftest")
    try:
        ready.write_text(str(os.getpid()), "utf-8")
        time.sleep(HOLD_SECONDS)
    finally:
        lock.release()
    return 0


def step(ctx) -> str:
    """Run the three checks in `ctx["tmp"]`; a RuntimeError names the first that failed."""
    from desktop import folder_lock

    folder = Path(ctx["tmp"]) / "锁" / "数据"  # a Chinese path on purpose
    refused_pid = _refused_while_held(folder)
    child, waited = _killed_holder_never_blocks(folder)
    return (f"a second process is refused (exit 1, holder pid {refused_pid} named); "
            f"after release process {child} took it; killed, its lock file blocked nothing "
            f"(free after {waited:.2f} s); lock file {folder_lock.FILE_NAME}")


def _refused_while_held(folder: Path) -> int:
    from desktop import folder_lock

    me = os.getpid()
    with folder_lock.acquire(folder, "cli:selftest"):
        proc = subprocess.run([*program(), "--json", "--data-dir", str(folder), "init", "village",
                               "--name", "锁自检村", "--code", "110101001002"],
                              input=b"", timeout=START_TIMEOUT, **_without_stdin(_popen_options()))
    out, err = _text(proc.stdout), _text(proc.stderr)
    if proc.returncode != 1:
        raise RuntimeError(f"a second process writing the held folder exited {proc.returncode}, not 1: "
                           f"{out[-300:]} {err[-300:]}")
    try:
        held_by = json.loads(out).get("held_by") or {}
    except ValueError:
        raise RuntimeError(f"the refused process printed no JSON: {out[-300:]} {err[-300:]}") from None
    if held_by.get("pid") != me or str(me) not in err:
        raise RuntimeError(f"the refusal does not name this process ({me}): {held_by} {err[-300:]}")
    written = sorted(p.name for p in folder.glob("*.sqlite3*"))
    if written:
        raise RuntimeError(f"the refused process wrote {written}")
    return me


def _without_stdin(options: dict) -> dict:
    """`subprocess.run(input=…)` makes the stdin pipe itself."""
    return {k: v for k, v in options.items() if k != "stdin"}


def _killed_holder_never_blocks(folder: Path) -> tuple[int, float]:
    from desktop import folder_lock

    ready = folder.parent / "holder-ready.txt"
    ready.unlink(missing_ok=True)
    child = subprocess.Popen([*program(), HOLD_ARG, str(folder), str(ready)], **_popen_options())
    try:
        _wait_ready(child, ready)
        holder = folder_lock.holder_elsewhere(folder)
        if not isinstance(holder, folder_lock.Holder) or holder.pid != child.pid:
            raise RuntimeError(f"a new process ({child.pid}) did not take the released folder: {holder}")
        try:
            folder_lock.acquire(folder, "cli:selftest").release()
        except folder_lock.FolderBusy as exc:
            if str(child.pid) not in str(exc):
                raise RuntimeError(f"the refusal does not name the holder {child.pid}: {exc}") from None
        else:
            raise RuntimeError(f"this process took the folder that process {child.pid} holds")
    finally:
        child.kill()  # our own child, by its id: TerminateProcess / SIGKILL, no clean-up in it
        child.communicate(timeout=START_TIMEOUT)
    started = time.monotonic()
    while True:
        try:
            lock = folder_lock.acquire(folder, "cli:selftest")
            break
        except folder_lock.FolderBusy:
            if time.monotonic() - started > RELEASE_TIMEOUT:
                raise RuntimeError(f"the lock file of killed process {child.pid} still blocks "
                                   f"after {RELEASE_TIMEOUT} s") from None
            time.sleep(0.1)
    waited = time.monotonic() - started
    try:
        holder = folder_lock.read_holder(folder / folder_lock.FILE_NAME)
        if holder is None or holder.pid != os.getpid():
            raise RuntimeError(f"the lock file does not name its new holder: {holder}")
    finally:
        lock.release()
    return child.pid, waited


def _wait_ready(child: subprocess.Popen, ready: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not ready.exists():
        if child.poll() is not None:
            out, err = child.communicate()
            raise RuntimeError(f"the holder process exited {child.returncode} before taking the folder: "
                               f"{_text(out)[-300:]} {_text(err)[-300:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the holder process did not take the folder in {START_TIMEOUT} s")
        time.sleep(0.05)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "replace").strip()
