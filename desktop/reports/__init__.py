"""Printable documents (HTML for Qt's rich-text engine, PDF) and Excel reports."""
