"""Pages of the main window, one per navigation area."""
