"""Turn parsed YAML into the dataclasses of :mod:`macros.data.schema`, checking as we go.

Problems are collected, not raised one at a time, so that a fork that breaks
several entries sees them all in one build. Each problem names the file, the
entry (for example ``steps[2].questions[0].id``) and what is wrong.
"""
from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from macros.data.schema import Rule

T = TypeVar("T")

_MISSING = object()


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.entry}" if self.entry else self.file
        return f"{where}: {self.message}"


class DataError(Exception):
    """One or more problems in the data; nothing may be published."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun} in the handbook's data:\n{lines}")


class Collector:
    """Gathers problems for one file."""

    def __init__(self, file: str | Path) -> None:
        self.file = str(file)
        self.problems: list[Problem] = []

    def add(self, entry: str, message: str) -> None:
        self.problems.append(Problem(self.file, entry, message))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def build(cls: type[T], value: Any, out: Collector, path: str = "") -> T | None:
    """Build ``cls`` from ``value``; return None (and record why) when it is invalid."""
    return _convert(cls, value, out, path)


def _convert(hint: Any, value: Any, out: Collector, path: str) -> Any:
    origin = typing.get_origin(hint)

    if origin is typing.Annotated:
        base, *extras = typing.get_args(hint)
        result = _convert(base, value, out, path)
        if result is None:
            return None
        for rule in extras:
            if isinstance(rule, Rule) and not re.search(rule.pattern, result):
                if rule.name == "text":
                    out.add(path, "is empty; write a text or remove the key")
                else:
                    out.add(path, f"{result!r} is not a valid {rule.name}: use {rule.hint}")
                return None
        return result

    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _convert(options[0], value, out, path)

    if origin is typing.Literal:
        allowed = typing.get_args(hint)
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            out.add(path, f"{value!r} is not allowed here; choose one of {choices}")
            return None
        return value

    if origin is tuple:
        (item_hint, _ellipsis) = typing.get_args(hint)
        if not isinstance(value, list):
            out.add(path, f"should be a list, but is {_describe(value)}")
            return None
        items = [_convert(item_hint, item, out, f"{path}[{i}]") for i, item in enumerate(value)]
        if any(item is None for item in items):
            return None
        return tuple(items)

    if dataclasses.is_dataclass(hint):
        return _build_dataclass(hint, value, out, path)

    if hint is str:
        if not isinstance(value, str):
            out.add(path, f"should be a text, but is {_describe(value)}")
            return None
        return value.strip()

    if hint is bool:
        if not isinstance(value, bool):
            out.add(path, f"should be true or false, but is {_describe(value)}")
            return None
        return value

    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            out.add(path, f"should be a whole number of zero or more, but is {_describe(value)}")
            return None
        return value

    raise TypeError(f"schema uses an unsupported type: {hint!r}")  # a bug in schema.py


@cache
def _shape(cls: Any) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A dataclass's resolved type hints and fields, worked out once per class
    (resolving the string annotations was half the time of loading the data)."""
    return (typing.get_type_hints(cls, include_extras=True),
            {f.name: f for f in dataclasses.fields(cls)})


def _build_dataclass(cls: Any, value: Any, out: Collector, path: str) -> Any:
    if not isinstance(value, dict):
        out.add(path, f"should be a mapping of keys to values, but is {_describe(value)}")
        return None
    hints, fields = _shape(cls)
    ok = True
    for key in value:
        if key not in fields:
            known = ", ".join(fields)
            out.add(_join(path, str(key)), f"unknown key; the keys allowed here are: {known}")
            ok = False
    kwargs: dict[str, Any] = {}
    for name, field in fields.items():
        required = (field.default is dataclasses.MISSING
                    and field.default_factory is dataclasses.MISSING)
        raw = value.get(name, _MISSING)
        if raw is _MISSING or (raw is None and required):
            if required:
                out.add(_join(path, name), "is missing; this key is required")
                ok = False
            continue
        if raw is None:
            continue
        converted = _convert(hints[name], raw, out, _join(path, name))
        if converted is None:
            ok = False
            continue
        kwargs[name] = converted
    if not ok:
        return None
    instance = cls(**kwargs)
    check = getattr(instance, "problems", None)
    if callable(check):
        found = list(check())
        for entry, message in found:
            out.add(_join(path, entry) if entry else path, message)
        if found:
            return None
    return instance
