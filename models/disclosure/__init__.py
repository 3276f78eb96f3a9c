"""村务公开: money, financial tables, the statutory calendar (pure Python)."""
