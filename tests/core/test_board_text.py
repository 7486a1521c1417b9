"""The board's running text: cleaned, limited, audited, and part of the board's state."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from kiosk.cli import cli
from kiosk.services import Services
from kiosk.services.board import BoardService
from kiosk.services.board_text import BOARD_TEXT_MAX, BoardTextService
from kiosk.services.errors import Refused


def test_set_clean_clear_and_the_marker_moves(clinic: Any) -> None:
    board = BoardService(clinic.store, clinic.services.clock)
    texts = BoardTextService(clinic.store, clinic.services.clock)
    before = board.change_marker()
    assert board.snapshot().running_text == ""
    # A bidi override and a zero-width space would make the board show other words than stored.
    shown = texts.set("Poli Gigi\u202e tutup\u200b hari\nini  ", "sari@Ruang 2")
    assert shown == "Poli Gigi tutup hari ini"
    assert board.change_marker() > before
    state = board.snapshot()
    assert state.running_text == "Poli Gigi tutup hari ini"
    assert state.only(frozenset({"002"})).running_text == shown  # every room's TV shows it
    marker = board.change_marker()
    texts.clear("budi@Loket 1")
    assert board.change_marker() > marker
    assert board.snapshot().running_text == "" and texts.current() == ""
    history = texts.history()
    assert [(c.actor, c.text) for c in history] == [("budi@Loket 1", ""), ("sari@Ruang 2", shown)]


def test_empty_and_too_long_are_refused_and_nothing_changes(clinic: Any) -> None:
    texts = BoardTextService(clinic.store, clinic.services.clock)
    texts.set("Selamat datang", "sari")
    with pytest.raises(Refused) as empty:
        texts.set(" \u200b\u202e ", "sari")
    assert empty.value.key == "board_text.empty"
    with pytest.raises(Refused) as long:
        texts.set("x" * (BOARD_TEXT_MAX + 1), "sari")
    assert long.value.key == "board_text.too_long"
    assert long.value.params == {"limit": BOARD_TEXT_MAX, "length": BOARD_TEXT_MAX + 1}
    assert texts.set("x" * BOARD_TEXT_MAX, "sari") == "x" * BOARD_TEXT_MAX
    assert len(texts.history()) == 2


def test_kiosk_board_text_sets_clears_and_refuses_in_plain_words(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.store.dispose()
    monkeypatch.setenv("KIOSK_DATA_DIR", str(services.settings.data_dir))
    runner = CliRunner()
    result = runner.invoke(cli, ["board-text", "Poli Gigi tutup hari ini [b]"])
    assert result.exit_code == 0, result.output
    assert result.output == "Teks berjalan di papan: Poli Gigi tutup hari ini [b]\n"
    texts = BoardTextService(services.store, services.clock)
    assert texts.current() == "Poli Gigi tutup hari ini [b]"
    assert texts.history()[0].actor.startswith("cli:")

    neither = runner.invoke(cli, ["board-text"])
    assert neither.exit_code == 2
    assert "--clear" in neither.output
    assert "Teks berjalan sekarang: Poli Gigi tutup hari ini [b]" in neither.output

    too_long = runner.invoke(cli, ["board-text", "y" * 200], env={"KIOSK_LANG": "en"})
    assert too_long.exit_code == 2
    assert "too long (200 characters); at most 160" in too_long.output
    assert "Traceback" not in too_long.output
    assert texts.current() == "Poli Gigi tutup hari ini [b]"  # a refusal keeps what was shown

    cleared = runner.invoke(cli, ["board-text", "--clear"])
    assert cleared.exit_code == 0 and "dihapus" in cleared.output
    assert texts.current() == ""
