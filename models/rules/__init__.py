"""村规民约 and 村民自治章程: text parsing, legality lint, diff, adoption procedure."""
