"""First-run wizard: mode, name and code, administrator account, summary."""
