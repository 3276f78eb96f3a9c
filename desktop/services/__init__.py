"""Use cases, one module per area.

The GUI and the CLI both call these; widgets never touch peewee. Every write
checks the caller's permission.
"""
