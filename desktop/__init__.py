"""cunwu application layer: bootstrap, CLI, services, backup, reports."""

# A constant, not importlib.metadata: reading the dist-info costs ~30 ms at
# every start. tests/unit/test_version.py keeps it equal to pyproject.toml.
__version__ = "0.1.0"
