"""The one boundary between values and the screen: every string is text, never markup.

Names, complaints, reasons, poli and doctor names and the central's messages come from outside
(the phone, the central, a clinic's data). Textual and Rich read ``[...]`` in a plain string as
markup, so a name like ``[/] Hidayat`` crashed a screen and ``[@click=app.quit]`` became a link
that quits. Here each widget that shows text takes strings as they are: nothing is escaped, so
the translation table, slips, web answers and the CLI keep plain strings, and a value shows as
typed; only bidi and zero-width characters are left out (``shown_text``: they would turn or hide
what is around them). Styling is the job of ``.tcss`` classes or ``Text(value, style=...)``.

Screens and widgets import these in place of Textual's and Rich's own: ruff's banned-api rule
(``pyproject.toml``) refuses the markup-reading originals anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self, TypeVar

from rich.cells import cell_len
from rich.console import RenderableType
from rich.table import Column
from rich.table import Table as _RichTable  # noqa: TID251 - the wrapped original
from rich.text import Text, TextType
from textual.app import App as _App  # noqa: TID251 - the wrapped original
from textual.containers import Vertical as _Vertical
from textual.content import Content, ContentText
from textual.notifications import SeverityLevel
from textual.visual import VisualType
from textual.widgets import Button as _Button  # noqa: TID251 - the wrapped original
from textual.widgets import DataTable as _DataTable  # noqa: TID251 - the wrapped original
from textual.widgets import Label as _Label  # noqa: TID251 - the wrapped original
from textual.widgets import OptionList as _OptionList  # noqa: TID251 - the wrapped original
from textual.widgets import Static as _Static  # noqa: TID251 - the wrapped original
from textual.widgets._label import LabelVariant
from textual.widgets._option_list import OptionListContent
from textual.widgets.data_table import ColumnKey, RowKey

from kiosk.domain.text import shown_text

__all__ = [
    "App",
    "Button",
    "DataTable",
    "Label",
    "OptionList",
    "Static",
    "Table",
    "Text",
    "TextTitles",
    "Vertical",
    "as_text",
    "shown_text",
]

ReturnType = TypeVar("ReturnType")
CellType = TypeVar("CellType")


def as_text(value: object) -> object:
    """A string as Rich ``Text`` (shown as typed); anything else (Text, a number) unchanged."""
    return Text(shown_text(value), end="") if isinstance(value, str) else _shown(value)


def _kept_runs(plain: str) -> list[tuple[int, int]] | None:
    """Where ``plain`` has no format character, as (start, end) runs; None when it has none."""
    if shown_text(plain) == plain:
        return None
    runs, start = [], 0
    for index, char in enumerate(plain):
        if shown_text(char) != char:
            if start < index:
                runs.append((start, index))
            start = index + 1
    if start < len(plain):
        runs.append((start, len(plain)))
    return runs


def _shown(value: Any) -> Any:
    """A value as shown: bidi and zero-width characters left out, whether it comes as a string,
    a Rich ``Text`` or Textual ``Content`` (styles kept)."""
    if isinstance(value, str):
        return shown_text(value)
    if isinstance(value, Text):
        runs = _kept_runs(value.plain)
        if runs is None:
            return value
        kept = value.blank_copy()
        for start, end in runs:
            kept.append_text(value[start:end])
        return kept
    if isinstance(value, Content):
        runs = _kept_runs(value.plain)
        return value if runs is None else Content("").join(value[a:b] for a, b in runs)
    return value


def _content(value: str | Content) -> Content:
    return value if isinstance(value, Content) else Content(shown_text(value))


class TextTitles:
    """Mixin: ``border_title`` / ``border_subtitle`` strings are text (Textual reads markup)."""

    def render_str(self, text_content: str | Content) -> Content:
        return _content(text_content)


class Static(TextTitles, _Static):
    """Textual's ``Static`` with markup off: ``update("[/] Hidayat")`` shows ``[/] Hidayat``."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_shown(content), layout=layout)

    def __init__(
        self,
        content: VisualType = "",
        *,
        expand: bool = False,
        shrink: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(
            _shown(content),
            expand=expand,
            shrink=shrink,
            markup=False,
            name=name,
            id=id,
            classes=classes,
            disabled=disabled,
        )


class Label(TextTitles, _Label):
    """Textual's ``Label`` with markup off."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(_shown(content), layout=layout)

    def __init__(
        self,
        content: VisualType = "",
        *,
        variant: LabelVariant | None = None,
        expand: bool = False,
        shrink: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(
            _shown(content),
            variant=variant,
            expand=expand,
            shrink=shrink,
            markup=False,
            name=name,
            id=id,
            classes=classes,
            disabled=disabled,
        )


class Button(TextTitles, _Button):
    """Textual's ``Button`` whose string label is text."""

    def validate_label(self, label: ContentText) -> Content:
        return _content(label) if isinstance(label, str) else Content.from_text(label)


class OptionList(TextTitles, _OptionList):
    """Textual's ``OptionList`` whose string prompts are text."""

    def __init__(
        self,
        *content: OptionListContent,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        compact: bool = False,
    ) -> None:
        super().__init__(
            *content,
            name=name,
            id=id,
            classes=classes,
            disabled=disabled,
            markup=False,
            compact=compact,
        )


class DataTable(TextTitles, _DataTable[CellType]):
    """Textual's ``DataTable`` whose string cells and labels are text (it reads them as markup)."""

    def add_column(
        self,
        label: TextType,
        *,
        width: int | None = None,
        key: str | None = None,
        default: CellType | None = None,
    ) -> ColumnKey:
        return super().add_column(_label(label), width=width, key=key, default=_cell(default, True))

    def add_row(
        self,
        *cells: CellType,
        height: int | None = 1,
        key: str | None = None,
        label: TextType | None = None,
    ) -> RowKey:
        no_wrap = height == 1  # as Textual formats a string cell
        return super().add_row(
            *(_cell(cell, no_wrap) for cell in cells),
            height=height,
            key=key,
            label=None if label is None else _label(label),
        )

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: CellType,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, _cell(value, True), update_width=update_width)

    def add_rows(self, rows: Iterable[Iterable[CellType]]) -> list[RowKey]:
        return [self.add_row(*row) for row in rows]

    def fit_columns(
        self, columns: Iterable[tuple[str, str]], rows: Iterable[Sequence[CellType]]
    ) -> None:
        """Columns (key, heading) as wide as their heading and widest cell, fixed, and no rows.
        Textual widens auto-width columns only when the app is idle: a busy one painted its rows
        at the headings' widths, or its header at the old widths above rows at the new ones."""
        rows = list(rows)
        self.clear(columns=True)
        for index, (key, heading) in enumerate(columns):
            width = max([cell_len(heading), *(_cell_width(row[index]) for row in rows)])
            self.add_column(heading, key=key, width=width)


def _cell(value: Any, no_wrap: bool) -> Any:
    return (
        Text(shown_text(value), end="", no_wrap=no_wrap)
        if isinstance(value, str)
        else _shown(value)
    )


def _cell_width(value: Any) -> int:
    """The widest line of a cell as shown (a Text, or a string read as text)."""
    text = _cell(value, True)
    return max((line.cell_len for line in text.split()), default=0) if isinstance(text, Text) else 0


def _label(label: TextType) -> Text:
    return Text(shown_text(label), end="") if isinstance(label, str) else label


class Table(_RichTable):
    """Rich's ``Table`` (and ``Table.grid()``) whose string cells and headers are text."""

    @classmethod
    def grid(cls, *headers: Column | str, **kwargs: Any) -> Self:
        grid = super().grid(*headers, **kwargs)
        assert isinstance(grid, cls)
        return grid

    def add_column(self, header: RenderableType = "", *args: Any, **kwargs: Any) -> None:
        super().add_column(as_text(header), *args, **kwargs)  # type: ignore[arg-type]

    def add_row(self, *renderables: RenderableType | None, **kwargs: Any) -> None:
        super().add_row(*(as_text(cell) for cell in renderables), **kwargs)  # type: ignore[arg-type]


class Vertical(TextTitles, _Vertical):
    """A ``Vertical`` container whose border title is text."""


class App(_App[ReturnType]):
    """Textual's ``App`` whose notifications are text, whoever raises them."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        super().notify(
            shown_text(message), title=title, severity=severity, timeout=timeout, markup=False
        )
