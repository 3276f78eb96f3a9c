"""The Person register (人员名册)."""
