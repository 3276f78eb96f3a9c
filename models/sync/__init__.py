"""Sync bookkeeping and policy (Qt-free): peers, package history, conflicts, what travels."""
