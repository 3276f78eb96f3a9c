"""Helpers shared by the screenshot tests: show a widget, save it, render a PDF to PNG."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

OUT = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def save(widget: QWidget, name: str) -> Path:
    """Grab `widget` to build/screenshots/<name>.png."""
    OUT.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


def shown(qtbot, widget: QWidget, width: int, height: int) -> QWidget:
    """Show `widget` at a size and wait until it is on screen."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pdf_to_png(pdf: Path, name: str, dpi: int = 70) -> list[Path]:
    """Render every page of `pdf` to build/screenshots/<name>-N.png (old pages removed first)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob(f"{name}*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(OUT / name)], check=True)
    return sorted(OUT.glob(f"{name}*.png"))
