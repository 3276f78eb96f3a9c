"""cunwu application layer: bootstrap, CLI, services, backup, reports."""

from importlib import metadata

try:
    __version__ = metadata.version("cunwu")
except metadata.PackageNotFoundError:  # frozen build without dist-info
    __version__ = "0.1.0"
