"""Dialogs of the 设置 menu."""
