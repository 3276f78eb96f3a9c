"""The township's screens: villages, 审核备案, the compliance board, reports."""
