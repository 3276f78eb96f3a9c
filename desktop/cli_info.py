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
    county = None
    if installation.mode == "township":  # the county it reports to, once its 入网文件 was read (issue 19)
        from desktop.sync import county_enrollment

        county = county_enrollment.county_peer()
    result: dict[str, Any] = {
        "mode": installation.mode, "code": installation.code, "name": installation.name,
        "province": installation.province, "fingerprint": short, "fingerprint_full": full,
        "data_dir": str(paths.data_dir),
        "township": {"code": township.code, "name": township.name} if township is not None else None,
        "county": {"code": county.code, "name": county.name, "fingerprint": county.fingerprint}
        if county is not None else None,
    }
    if installation.mode == "county":
        result["townships"] = len(peers.township_peers())
    lines = [f"本机:{installation.name}({installation.code}),{MODE_LABELS.get(installation.mode, installation.mode)},"
             f"省份配置 {installation.province}"]
    if township is not None:
        lines.append(f"所属乡镇:{township.name}({township.code})")
    if county is not None:
        lines.append(f"所属县:{county.name}({county.code}),县里电脑指纹 {county.fingerprint}")
    if installation.mode == "county":
        lines.append(f"已登记乡镇:{result['townships']} 个")
    lines += [f"电脑指纹:{short}",
              f"(完整指纹:{full})",
              {"township": "县里第一次导入本机的汇总包时,会打电话请您念出上面的电脑指纹(8 位)。",
               "county": "乡镇导入县里的入网文件时,会打电话与您逐组核对上面的完整指纹(6 组)。"}.get(
                   installation.mode, "乡镇第一次导入本机的数据包时,会打电话请您念出上面的电脑指纹(8 位)。"),
              f"数据文件夹:{paths.data_dir}"]
    result["_lines"] = lines
    return result
