"""The township's view of its villages: review and filing, the compliance board (no Qt)."""
