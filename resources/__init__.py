"""Icons, styles, translations and templates shipped with cunwu."""
