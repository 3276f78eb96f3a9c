"""Meetings, votes and decisions: the quorum engine and its legal rules (pure Python)."""
