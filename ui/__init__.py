"""cunwu Qt widgets: one subpackage per area. No peewee here."""
