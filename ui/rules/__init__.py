"""村规民约: rule sets, versions, the five-step procedure, import and diff."""
