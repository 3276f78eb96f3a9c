"""Package exchange by USB stick (DESIGN §4): keys, the package format, export, import, enrollment."""
