"""`cunwu info`: what this installation is, and the fingerprint its secretary reads out on the phone.

The township imports a village's first package only after typing the 8
characters the village reads from its own PC (`desktop.sync.first_contact`).
`fingerprint` is that spoken form ("ABCD-EFGH", usable as `import
--fingerprint`); `fingerprint_full` is the whole one the screens show, which
starts with the same characters.
"""

from __future__ import annotations

from typing import Any

from desktop.paths import AppPaths
from desktop.sync import first_contact, keys, peers

MODE_LABELS = {"village": "村", "township": "乡镇", "county": "县"}


def info(paths: AppPaths, installation) -> dict[str, Any]:
    """The `info` result: mode, code, name, province, fingerprint (+ the full one and the township)."""
    full = keys.load_or_create(paths.keys).fingerprint
    short = first_contact.spoken(full)
    township = peers.township_peer() if installation.mode == "village" else None
    result: dict[str, Any] = {
        "mode": installation.mode, "code": installation.code, "name": installation.name,
        "province": installation.province, "fingerprint": short, "fingerprint_full": full,
        "data_dir": str(paths.data_dir),
        "township": {"code": township.code, "name": township.name} if township is not None else None,
    }
    lines = [f"本机:{installation.name}({installation.code}),{MODE_LABELS.get(installation.mode, installation.mode)},"
             f"省份配置 {installation.province}"]
    if township is not None:
        lines.append(f"所属乡镇:{township.name}({township.code})")
    lines += [f"电脑指纹:{short}",
              f"(完整指纹:{full})",
              "乡镇第一次导入本机的数据包时,会打电话请您念出上面的电脑指纹(8 位)。",
              f"数据文件夹:{paths.data_dir}"]
    result["_lines"] = lines
    return result
