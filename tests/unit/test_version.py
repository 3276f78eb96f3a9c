import tomllib
from pathlib import Path

import desktop


def test_version_matches_pyproject():
    data = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8"))
    assert desktop.__version__ == data["project"]["version"]
