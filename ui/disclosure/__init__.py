"""村务公开: the statutory calendar, the list, the editor (financial tables), review, posting, feedback."""
