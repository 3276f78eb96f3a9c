"""Services hand out read models, never peewee rows (issue 14, "Peewee rows reach the UI").

The return annotation of every public function in `desktop/services` is
read with `typing.get_type_hints` and walked into unions, containers and
dataclass fields; a peewee `Model` anywhere in it fails. `record_store` is
the write primitive the services themselves build on: it returns rows by
design, and no ui module may import it.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import typing
from pathlib import Path

from peewee import Model, Node

import desktop.services as services_pkg
from models.entities import Person

#: Services' own building blocks, not called from ui/ (checked below).
_INTERNAL = {"record_store"}
_ROOT = Path(__file__).resolve().parents[2]


def _service_modules():
    for info in pkgutil.iter_modules(services_pkg.__path__):
        if info.name not in _INTERNAL:
            yield importlib.import_module(f"desktop.services.{info.name}")


def _public_functions():
    for module in _service_modules():
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__:
                yield f"{module.__name__.rsplit('.', 1)[1]}.{name}", fn


def _peewee_types(hint, seen: set) -> list[str]:
    """Every peewee model reachable from `hint` (unions, generics, TypeVar bounds, dataclass fields)."""
    if isinstance(hint, typing.TypeVar):
        return _peewee_types(hint.__bound__, seen) if hint.__bound__ is not None else []
    if isinstance(hint, type):
        if issubclass(hint, (Model, Node)):  # a row, or a query that yields rows
            return [hint.__name__]
        if dataclasses.is_dataclass(hint) and hint not in seen:
            seen.add(hint)
            found = []
            for field_name, field_hint in typing.get_type_hints(hint).items():
                found += [f"{hint.__name__}.{field_name}: {t}" for t in _peewee_types(field_hint, seen)]
            return found
        return []
    if typing.get_origin(hint) is type:  # a model class (e.g. which table), not a row
        return []
    found = []
    for arg in typing.get_args(hint):
        found += _peewee_types(arg, seen)
    return found


def test_every_public_service_function_has_a_return_annotation():
    missing = [name for name, fn in _public_functions() if "return" not in typing.get_type_hints(fn)]
    assert missing == []


def test_no_public_service_function_returns_a_peewee_row():
    offenders = {}
    for name, fn in _public_functions():
        hints = typing.get_type_hints(fn)
        if "return" in hints:
            found = _peewee_types(hints["return"], set())
            if found:
                offenders[name] = found
    assert offenders == {}


@dataclasses.dataclass(frozen=True)
class _Holder:
    people: tuple[Person, ...]


def test_the_walk_finds_rows_hidden_in_containers_and_dataclasses():
    assert _peewee_types(list[_Holder] | None, set()) == ["_Holder.people: Person"]
    assert _peewee_types(typing.TypeVar("M", bound=Model), set()) == ["Model"]
    assert _peewee_types(dict[str, tuple[int, Person]], set()) == ["Person"]
    from peewee import ModelSelect

    assert _peewee_types(ModelSelect, set()) == ["ModelSelect"]


def test_ui_never_imports_the_write_primitive():
    offenders = [str(p.relative_to(_ROOT)) for p in (_ROOT / "ui").rglob("*.py")
                 if any(f"services import {m}" in p.read_text(encoding="utf-8")
                        or f"services.{m}" in p.read_text(encoding="utf-8") for m in _INTERNAL)]
    assert offenders == []
