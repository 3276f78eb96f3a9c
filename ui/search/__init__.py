"""搜索: one box over every record area (Ctrl+F), its results grouped by kind, a hit opened in its page."""
