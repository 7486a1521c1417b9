"""Core statements compiled once per engine and sent with ``Connection.exec_driver_sql``.

For the few statements of the clinic's busiest write (the take). ``Connection.execute`` of a
Core statement looks its compiled form up in the engine's cache on every call and builds its
parameters and execution context through that form: tens of microseconds a statement on the
clinic's hardware, against a few for SQLite itself. A ``Prepared`` statement compiles once, with
SQLAlchemy's own compiler and its types' own converters (the same SQL and the same stored
values), and then hands SQLAlchemy only the driver's SQL and parameters: 10-15 microseconds less
for an INSERT. A statement that returns rows gains less, as SQLAlchemy then builds the result's
column list on every call (Core keeps it with the compiled form).

What stays SQLAlchemy's: the connection and its transaction, the error wrapping the outage
policy relies on (``sqlalchemy.exc.IntegrityError``, ``OperationalError`` ...), hidden
parameters in errors, and the engine's events (``do_execute``, the cursor events).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, CursorResult
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import StatementError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

Convert = Callable[[Any], Any] | None


class _Compiled:
    """One statement for one dialect: the driver's SQL, how to build its parameters, how to read
    its rows."""

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        self.sql = compiled.string
        self.positional = compiled.positional
        names = (compiled.positiontup or []) if self.positional else list(compiled.binds)
        # (name, processed default or None, converter, required) per parameter, in order
        self.binds: list[tuple[str, Any, Convert, bool]] = []
        for name in names:
            bind = compiled.binds[name]
            if bind.callable is not None or bind.expanding:
                raise ValueError(f"parameter {name!r}: not a plain value")
            convert = bind.type.dialect_impl(dialect).bind_processor(dialect)
            default = bind.value
            if default is not None and convert is not None:
                default = convert(default)
            self.binds.append((name, default, convert, bind.required))
        columns = getattr(statement, "exported_columns", ())
        self.results: list[Convert] = [
            column.type.dialect_impl(dialect).result_processor(dialect, None) for column in columns
        ]

    def parameters(self, given: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        values = []
        for name, default, convert, required in self.binds:
            if name in given:
                value = given[name]
                if value is not None and convert is not None:
                    value = convert(value)
            elif required:
                raise KeyError(f"no value for the parameter {name!r}")
            else:
                value = default
            values.append(value)
        if self.positional:
            return tuple(values)
        return {bind[0]: value for bind, value in zip(self.binds, values, strict=True)}

    def row(self, raw: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            value if convert is None or value is None else convert(value)
            for convert, value in zip(self.results, raw, strict=True)
        )


class Prepared:
    """A Core statement with bound parameters, compiled once per dialect (a SELECT, or DML with
    or without RETURNING). Its parameters are given by name, as Python values."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: WeakKeyDictionary[Dialect, _Compiled] = WeakKeyDictionary()

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect)
        if compiled is None:
            compiled = self._compiled[dialect] = _Compiled(self.statement, dialect)
        return compiled

    def execute(self, connection: Connection, params: Mapping[str, Any]) -> CursorResult[Any]:
        """Run it on ``connection`` (its rows unconverted: for DML, ``lastrowid``)."""
        compiled = self._for(connection.dialect)
        return connection.exec_driver_sql(compiled.sql, _converted(compiled, params))

    def first(self, connection: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """Its first row, each value converted as the column's type reads it, or None."""
        compiled = self._for(connection.dialect)
        result = connection.exec_driver_sql(compiled.sql, _converted(compiled, params))
        raw = result.fetchone()
        result.close()
        return None if raw is None else compiled.row(raw)


def _converted(compiled: _Compiled, params: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
    """The driver's parameters; a value its type refuses raises ``StatementError``, as in
    SQLAlchemy's own execution (and, as there with ``hide_parameters``, without the values)."""
    try:
        return compiled.parameters(params)
    except (TypeError, ValueError, KeyError) as error:
        raise StatementError(str(error), compiled.sql, None, error, hide_parameters=True) from error
