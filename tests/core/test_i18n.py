"""The translation tables: one file per face, every key in both languages, defined once, and
every key the code names is there (a missing key would show the key itself on a screen)."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

import kiosk
from kiosk.i18n import TABLES, TEXT

PACKAGE = Path(kiosk.__file__).parent
ROOT = PACKAGE.parent
TABLE_FILES = sorted(p for p in (PACKAGE / "i18n").glob("*.py") if p.name != "__init__.py")
KEY_SHAPE = re.compile(r"[a-z_]+(\.[A-Za-z_0-9]+)+")
# Strings of key shape that are not keys: file names (and the databases' column references,
# "poli.code", which are not read: kiosk/store and the central's db.py), and the PCare outbox
# kinds (kiosk/contract/pcare.py).
NOT_KEYS = re.compile(r".*\.(tcss|css|js|html|log|toml|db)|pcare\.pendaftaran(\.hapus)?")
PREFIXES = {key.split(".")[0] for key in TEXT}


def _keys_in_source(path: Path) -> list[str]:
    """The keys a table file defines, read from its source: a key written twice shows here,
    where the dictionary built from it keeps only the last."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        key.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Dict)
        for key in node.keys
        if isinstance(key, ast.Constant) and isinstance(key.value, str)
    ]


def _trees(*folders: str) -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for folder in folders
        if (ROOT / folder).is_dir()
        for path in sorted((ROOT / folder).rglob("*.py"))
        if PACKAGE / "i18n" not in path.parents
    ]


def test_each_face_has_its_own_file_and_the_lookup_reads_them_all() -> None:
    names = {path.stem for path in TABLE_FILES}
    assert (
        names
        == set(TABLES)
        == {
            "common",
            "kiosk",
            "desk",
            "board",
            "web",
            "central",
            "commands",
        }
    )
    assert all(TABLES.values())
    assert len(TEXT) == sum(len(table) for table in TABLES.values())


def test_no_key_is_defined_twice_within_or_across_files() -> None:
    everywhere = Counter(key for path in TABLE_FILES for key in _keys_in_source(path))
    twice = sorted(key for key, n in everywhere.items() if n > 1)
    assert twice == []
    assert set(everywhere) == set(TEXT)


@pytest.mark.parametrize("face", sorted(TABLES))
def test_every_key_of_a_face_has_both_languages(face: str) -> None:
    for key, pair in TABLES[face].items():
        assert isinstance(key, str) and key == key.strip(), key
        assert isinstance(pair, tuple) and len(pair) == 2, key
        indonesian, english = pair
        assert indonesian.strip() and english.strip(), key


def test_every_key_the_code_names_exists() -> None:
    """Keys written out in the code: ``t("...")`` and ``self.tr("...")`` calls anywhere, and any
    constant of key shape with a known prefix (refusal enums, ``Refused("desk.busy")``...)."""
    missing: list[str] = []
    for path, tree in _trees("kiosk", "tests", "bench"):
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                first = node.args[0]
                if (
                    name in ("t", "tr")
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and first.value not in TEXT
                    and first.value != "no.such.key"
                ):
                    missing.append(f"{where}:{node.lineno} {first.value}")
            if (
                where.parts[0] == "kiosk"
                and "store" not in where.parts
                and where.name != "db.py"
                and isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and KEY_SHAPE.fullmatch(node.value)
                and node.value.split(".")[0] in PREFIXES
                and not NOT_KEYS.fullmatch(node.value)
                and node.value not in TEXT
            ):
                missing.append(f"{where}:{node.lineno} {node.value}")
    assert missing == []


def test_every_key_family_the_code_builds_exists() -> None:
    """``t(f"state.{status.value}")``: at least one key begins with the written part."""
    missing: list[str] = []
    for path, tree in _trees("kiosk"):
        for node in ast.walk(tree):
            if not (isinstance(node, ast.JoinedStr) and node.values):
                continue
            head = node.values[0]
            if not (isinstance(head, ast.Constant) and isinstance(head.value, str)):
                continue
            stem = head.value
            family = re.fullmatch(r"[a-z_]+(\.[a-z_]+)*\.", stem) and stem.split(".")[0] in PREFIXES
            if family and not any(key.startswith(stem) for key in TEXT):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {stem}...")
    assert missing == []
