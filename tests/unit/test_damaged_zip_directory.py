"""A zip whose directory claims a version Python cannot read is refused in Chinese, never a traceback.

The package fuzz test met one ("zip file version 14.8": `zipfile` raises
NotImplementedError, which neither the package nor the 花名册 reader caught).
Both readers open a zip from outside: a package from a USB stick, a workbook.
"""

from __future__ import annotations

import zipfile

import pytest

from desktop.services import roster_files
from desktop.sync import package_format
from models.errors import ValidationError


def _zip_claiming_version_14_8(path):
    """A valid little zip, then its directory entry's 'version needed to extract' set to 148."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", "{}")
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6:entry + 8] = (148).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(NotImplementedError):  # what zipfile itself does with it
        zipfile.ZipFile(path)
    return path


def test_a_package_with_an_unreadable_zip_version_is_refused(tmp_path):
    path = _zip_claiming_version_14_8(tmp_path / "青山村.cwpkg")
    with pytest.raises(package_format.PackageRefused) as refusal:
        package_format.open_package(path)
    assert "不是村务台账的数据包" in str(refusal.value)


def test_a_workbook_with_an_unreadable_zip_version_is_refused(tmp_path):
    path = _zip_claiming_version_14_8(tmp_path / "花名册.xlsx")
    with pytest.raises(ValidationError) as refusal:
        roster_files.sheet_names(path)
    assert "已损坏,或不是 Excel 表格" in str(refusal.value)
