"""cunwu's data layer: peewee models and domain rules. Pure Python, never Qt."""
