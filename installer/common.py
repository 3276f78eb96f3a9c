"""Shared helpers of the installer build and test scripts (standard library only).

Every script here runs with the host's Python 3.11 (no venv needed) and keeps
its caches in `build/installer/`. Failures end with `BuildError`, which the
scripts print as one plain line starting with "BUILD REFUSED" or "TEST FAILED".
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
BUILD = ROOT / "build" / "installer"
DIST = ROOT / "dist"
WINE_STUB_SOURCES = INSTALLER / "wine"
WINE_STUBS_OUT = BUILD / "wine-stubs"


class BuildError(Exception):
    """A build or test step that cannot go on; the message says why and what to do."""


def log(message: str) -> None:
    """One progress line, with the time since the script started."""
    print(f"[{time.monotonic() - _T0:6.1f}s] {message}", flush=True)


_T0 = time.monotonic()


def project(root: Path = ROOT) -> dict:
    """The [project] table of pyproject.toml."""
    return tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]


def check_version(root: Path = ROOT, expected: str | None = None) -> str:
    """The version of `root`'s pyproject.toml, refused unless every other copy agrees.

    desktop/__init__.py (what `cunwu --version` prints) must say the same, the
    version must be X.Y.Z (Windows version resources hold numbers), and
    `expected` (what a build script asks the spec to build) must match it.
    """
    v = project(root)["version"]
    code = re.search(r'^__version__\s*=\s*["\']([^"\']+)', (root / "desktop" / "__init__.py")
                     .read_text("utf-8"), re.M)
    if not code or code.group(1) != v:
        raise BuildError(f"version mismatch: pyproject.toml says {v!r}, desktop/__init__.py says "
                         f"{code.group(1) if code else None!r}; make them equal")
    if not re.fullmatch(r"\d+\.\d+\.\d+", v):
        raise BuildError(f"version {v!r} in pyproject.toml is not X.Y.Z (Windows needs numbers)")
    if expected and expected != v:
        raise BuildError(f"version mismatch: asked to build {expected!r} but pyproject.toml says "
                         f"{v!r}")
    return v


def version() -> str:
    """The checked version of this repository.

    `make installer CUNWU_VERSION=X.Y.Z` double-checks it is the one meant.
    """
    return check_version(ROOT, os.environ.get("CUNWU_VERSION"))


def check_nsis_script(nsi: Path) -> None:
    """The NSIS script takes its version only from `-DVERSION` (never a literal of its own)."""
    for no, line in enumerate(nsi.read_text("utf-8").splitlines(), 1):
        code = "" if line.lstrip().startswith((";", "#")) else line  # comments may say X.Y.Z
        if re.match(r"\s*!define\s+VERSION\b", code):
            raise BuildError(f"{nsi.name} line {no} defines VERSION itself; the version comes "
                             "from pyproject.toml through makensis -DVERSION")
        literal = re.search(r"(?<![\w.])\d+\.\d+\.\d+(?:\.\d+)?(?![\w.])", code)
        if literal:
            raise BuildError(f"version mismatch: {nsi.name} line {no} has the literal version "
                             f"{literal.group(0)!r}; write ${{VERSION}} (from pyproject.toml)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(requirements: Path) -> dict[str, str]:
    """{normalized name: version} of a hashed requirements file."""
    pins = {}
    for line in requirements.read_text("utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", line)
        if m:
            pins[_norm(m.group(1))] = m.group(2)
    return pins


def _rel(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def check_pins_match_pyproject(requirements: Path) -> dict[str, str]:
    """Every pyproject dependency is in `requirements` at the same version."""
    pins = pinned(requirements)
    for dep in project()["dependencies"]:
        name, _, want = dep.partition("==")
        have = pins.get(_norm(name))
        if have is None:
            raise BuildError(f"wheel missing: {name} (a pyproject.toml dependency) is not in "
                             f"{_rel(requirements)}; run installer/lock.py")
        if have != want:
            raise BuildError(f"version mismatch: pyproject.toml pins {name}=={want} but "
                             f"{_rel(requirements)} has {have}; run installer/lock.py")
    return pins


def pinned_hashes(requirements: Path) -> dict[str, tuple[str, set[str]]]:
    """{normalized name: (version, {sha256 hex})} of a hashed requirements file."""
    pins = {}
    for entry in requirements.read_text("utf-8").replace("\\\n", " ").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)", entry)
        if m:
            pins[_norm(m.group(1))] = (m.group(2), set(re.findall(r"--hash=sha256:([0-9a-f]{64})",
                                                                  entry)))
    return pins


def _dist_name(filename: str) -> tuple[str, str] | None:
    """(normalized name, version) of a wheel or sdist file name; None for other files."""
    if filename.endswith(".whl"):
        name, ver = filename.split("-")[:2]
    elif m := re.match(r"(.+)-([^-]+)\.tar\.gz$", filename):
        name, ver = m.groups()
    else:
        return None
    return _norm(name), ver


def check_wheels_present(requirements: Path, folder: Path) -> None:
    """Each pinned distribution has its file in `folder`, with a pinned SHA-256.

    pip already checks hashes while it downloads; this check also covers a
    cached folder that lost a file or holds one changed since.
    """
    files: dict[tuple[str, str], Path] = {}
    for f in sorted(folder.iterdir()):
        key = _dist_name(f.name) if f.is_file() else None
        if key:
            files[key] = f
    for name, (ver, hashes) in pinned_hashes(requirements).items():
        f = files.get((name, ver))
        if f is None:
            raise BuildError(f"wheel missing: {name}=={ver} from {requirements.name} is not in "
                             f"{folder} (download failed or no wheel for this platform)")
        digest = sha256(f)
        if digest not in hashes:
            raise BuildError(f"hash mismatch: {f.name} in {folder} has sha256 {digest}, which "
                             f"{requirements.name} does not pin; delete the file and build again "
                             "(run installer/lock.py only if the pin itself changed)")


def run(cmd: list[str], env: dict | None = None, cwd: Path | None = None, check: bool = True,
        capture: bool = False, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run a command; output goes through a pipe (wine needs it, see WINDOWS_BUILD.md)."""
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout)
    if not capture and proc.stdout:
        sys.stdout.write(proc.stdout)
        sys.stdout.flush()
    if check and proc.returncode != 0:
        tail = "" if not capture else "\n" + proc.stdout[-3000:]
        raise BuildError(f"command failed (exit {proc.returncode}): {' '.join(map(str, cmd))}{tail}")
    return proc


def require_tools(*tools: str) -> None:
    """Every tool is on PATH, else say which make target installs them."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        raise BuildError(f"missing tools: {', '.join(missing)}; run `make installer-deps` "
                         "(installs wine, nsis, mingw-w64, dpkg-dev)")


def wine_env(prefix: Path, **extra: str) -> dict[str, str]:
    """The environment for every wine call (WINDOWS_BUILD.md)."""
    env = dict(os.environ)
    env.update(WINEPREFIX=str(prefix), WINEARCH="win64", WINEDEBUG="-all",
               WINEDLLOVERRIDES="winemenubuilder.exe=d", PYTHONUTF8="1")
    env.pop("DISPLAY", None)  # no display is needed, and none must be used
    env.pop("WAYLAND_DISPLAY", None)
    env.update(extra)
    return env


def init_prefix(prefix: Path) -> None:
    """A fresh 64-bit wine prefix (win10) with the wine-only stubs in system32."""
    log(f"wine prefix {prefix.relative_to(ROOT)}: wineboot")
    prefix.mkdir(parents=True, exist_ok=True)
    env = wine_env(prefix)
    run(["wine", "wineboot", "--init"], env=env, capture=True)
    run(["wine", "winecfg", "-v", "win10"], env=env, capture=True)
    run(["wineserver", "-w"], env=env, capture=True)
    install_stubs(prefix)


def build_stubs() -> list[Path]:
    """Compile installer/wine/<name>_stub.c into build/installer/wine-stubs/<name>.dll."""
    WINE_STUBS_OUT.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted(WINE_STUB_SOURCES.glob("*_stub.c")):
        dll = WINE_STUBS_OUT / (src.name.removesuffix("_stub.c") + ".dll")
        if not dll.exists() or dll.stat().st_mtime < src.stat().st_mtime:
            libs = ["-lbcrypt"] if "bcrypt" in src.name else []
            run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-Wall", "-o", str(dll), str(src),
                 *libs, "-Wl,--no-insert-timestamp"])
        out.append(dll)
    return out


def stub_names() -> set[str]:
    """File names (lower case) of the wine-only stub DLLs."""
    return {src.name.removesuffix("_stub.c").lower() + ".dll"
            for src in WINE_STUB_SOURCES.glob("*_stub.c")}


def is_wine_stub(name: str, windows: bool = True) -> bool:
    """Is `name` (a file name or bundle path) a wine-only stub or a stray ICU DLL?

    Windows 10/11 bring their own icuuc.dll; any icu*.dll in a Windows bundle
    is a copy of our stub or of wine's, and must not ship.
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return base in stub_names() or (windows and base.startswith("icu") and base.endswith(".dll"))


def check_no_wine_stubs(folder: Path, windows: bool = True) -> None:
    """Refuse a folder about to be packaged that holds a wine-only stub."""
    for rel in file_list(folder):
        if is_wine_stub(rel, windows):
            raise BuildError(f"wine-only stub about to be bundled: {rel}; it must stay in the "
                             "build prefix's system32 (installer/wine/), never in a package")


def install_stubs(prefix: Path) -> None:
    """Copy the stubs into the prefix's system32 (the build environment only)."""
    system32 = prefix / "drive_c" / "windows" / "system32"
    for dll in build_stubs():
        shutil.copy2(dll, system32 / dll.name)


def pe_imports(path: Path, dll: str) -> set[str]:
    """Names `path` imports from `dll` (objdump of mingw-w64)."""
    out = run(["x86_64-w64-mingw32-objdump", "-p", str(path)], capture=True).stdout
    names, inside = set(), False
    for line in out.splitlines():
        if line.strip().startswith("DLL Name:"):
            inside = line.split(":", 1)[1].strip().lower() == dll.lower()
            continue
        m = re.match(r"^\s+[0-9a-f]+\s+\d+\s+(\S+)$", line)
        if inside and m:
            names.add(m.group(1))
        elif inside and not line.strip():
            inside = False if names else inside
    return names


def pe_exports(path: Path) -> set[str]:
    """Names `path` exports."""
    out = run(["x86_64-w64-mingw32-objdump", "-p", str(path)], capture=True).stdout
    return set(re.findall(r"^\s+\[\s*\d+\]\s+(\S+)$", out, re.M))


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def exe_version_string(exe: Path, key: str = "ProductVersion") -> str | None:
    """A string of a Windows program's version resource (VS_VERSIONINFO), or None.

    A `String` entry is (wLength, wValueLength, wType=1, UTF-16 key + NUL,
    padding to 4 bytes, UTF-16 value). Read without pefile so that the check
    runs in the normal test suite too.
    """
    data = exe.read_bytes()
    needle = (key + "\0").encode("utf-16-le")
    pos = data.find(needle)
    while pos != -1:
        if pos >= 6:
            _length, chars, kind = struct.unpack_from("<HHH", data, pos - 6)
            if kind == 1 and 0 < chars < 256:
                at = pos - 6 + ((6 + len(needle) + 3) & ~3)
                return data[at:at + 2 * chars].decode("utf-16-le", "replace").split("\0", 1)[0]
        pos = data.find(needle, pos + 1)
    return None


def check_exe_version(exe: Path, v: str) -> None:
    """The program's ProductVersion and FileVersion are `v` (pyproject.toml's)."""
    for key in ("ProductVersion", "FileVersion"):
        found = exe_version_string(exe, key)
        if found != v:
            raise BuildError(f"version mismatch: {exe.name}'s version resource says {key} "
                             f"{found!r}, pyproject.toml says {v!r}")


# Files the app reads at run time, by folder and pattern: cunwu.spec bundles
# exactly these. Everything else under the app's packages must be a source
# that is not needed at run time (SOURCE_ONLY), or check_resources_listed
# refuses the build.
DATA_PATTERNS = [
    ("resources", "*.qss"),
    ("resources", "*.ico"),
    ("resources", "*.png"),
    ("resources", "*.svg"),
    ("resources", "*.json"),
    ("resources/translations", "*.qm"),
    ("resources/templates", "*"),  # xlsx / print templates, when there are any
    ("models/schema", "*.sql"),  # migrations, read with importlib.resources
]
APP_PACKAGES = ("desktop", "models", "ui", "resources")
SOURCE_ONLY = ("*.py", "*.pyc", "*.ts")  # code (collected as modules), Qt Linguist sources


def spec_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, bundle folder) of every resource cunwu.spec bundles."""
    datas = []
    for folder, pattern in DATA_PATTERNS:
        for f in sorted((root / folder).glob(pattern)):
            if f.is_file():
                datas.append((str(f), folder))
    return datas


def check_resources_listed(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every non-code file of the app's packages is bundled; return the spec's datas."""
    datas = spec_datas(root)
    listed = {Path(src).resolve() for src, _folder in datas}
    for package in APP_PACKAGES:
        for f in sorted((root / package).rglob("*")):
            if (not f.is_file() or "__pycache__" in f.parts
                    or any(f.match(p) for p in SOURCE_ONLY)):
                continue
            if f.resolve() not in listed:
                raise BuildError(f"resource not bundled: {f.relative_to(root).as_posix()} is not "
                                 "matched by DATA_PATTERNS (installer/common.py), so cunwu.spec "
                                 "would leave it out; add a pattern, or SOURCE_ONLY if the app "
                                 "never reads it")
    return datas


def forget_output(path: Path) -> None:
    """Remove an output and its SHA256SUMS line before rebuilding it.

    A build that is refused half-way then leaves no stale file behind that
    could be mistaken for its result.
    """
    path.unlink(missing_ok=True)
    sums = DIST / "SHA256SUMS"
    if sums.exists():
        kept = [line for line in sums.read_text("utf-8").splitlines()
                if line.partition("  ")[2] != path.name]
        sums.write_text("".join(f"{line}\n" for line in kept), "utf-8")


def record_sums(*files: Path) -> Path:
    """Add/replace the files' lines in dist/SHA256SUMS (sha256sum format)."""
    sums = DIST / "SHA256SUMS"
    lines = {}
    if sums.exists():
        for line in sums.read_text("utf-8").splitlines():
            digest, _, name = line.partition("  ")
            lines[name] = digest
    for f in files:
        lines[f.name] = sha256(f)
    sums.write_text("".join(f"{d}  {n}\n" for n, d in sorted(lines.items())), "utf-8")
    return sums


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH, else the time of the last commit (reproducible file times)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    proc = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                          capture_output=True, text=True)
    return int(proc.stdout.strip()) if proc.returncode == 0 and proc.stdout.strip() else 0


def clamp_mtimes(folder: Path, epoch: int) -> None:
    """Set every file and folder time under `folder` to `epoch`."""
    for p in sorted(folder.rglob("*"), reverse=True):
        os.utime(p, (epoch, epoch), follow_symlinks=False)
    os.utime(folder, (epoch, epoch))


def file_list(folder: Path) -> list[str]:
    """Relative paths of every file under `folder`, sorted (POSIX separators)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def main_wrapper(main, label: str = "BUILD REFUSED") -> None:
    """Run `main()`, turning BuildError into one clear line and exit 1."""
    try:
        sys.exit(main())
    except BuildError as exc:
        print(f"\n{label}: {exc}\n", file=sys.stderr, flush=True)
        sys.exit(1)
