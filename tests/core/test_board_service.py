"""The board's reading of the store (SQLite and PostgreSQL): the change marker, who is called
at each poli, who waits, the last calls; and which calls are news to flash and announce."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from kiosk.domain.models import TicketStatus
from kiosk.services.board import BoardService, BoardState, Call, CallWatch, PoliBoard
from kiosk.services.desk import DeskService
from kiosk.store.models import TicketEventRow, TicketRow

# 09:00 WIB on the test day, as the core fixtures' clock.
NINE = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def board(clinic: Any) -> BoardService:
    return BoardService(clinic.store, clinic.services.clock)


def walk_ins(clinic: Any, count: int, poli: str = "001") -> list[int]:
    return [clinic.take(poli).ticket.id for _ in range(count)]


def mark(
    clinic: Any,
    ticket_id: int,
    status: TicketStatus,
    minutes: float | None = None,
    counter: str | None = "Loket 1",
    **fields: Any,
) -> None:
    """What a desk does to a ticket: a new state (called ``minutes`` after nine) and an event."""
    with clinic.store.write() as session:
        row = session.get_one(TicketRow, ticket_id)
        row.status = status.value
        if minutes is not None:
            row.called_at = NINE + timedelta(minutes=minutes)
            row.counter = counter
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = NINE
        session.add(
            TicketEventRow(ticket_id=ticket_id, at=NINE, kind=status.value, actor="test", detail={})
        )


def polis(state: BoardState) -> dict[str, PoliBoard]:
    return {poli.code: poli for poli in state.polis}


def test_the_marker_moves_with_every_ticket_change_and_only_then(
    clinic: Any, board: BoardService
) -> None:
    start = board.change_marker()
    assert board.change_marker() == start
    (ticket,) = walk_ins(clinic, 1)
    taken = board.change_marker()
    assert taken > start
    board.snapshot()  # reading changes nothing
    assert board.change_marker() == taken
    mark(clinic, ticket, TicketStatus.CALLED, 1)
    assert board.change_marker() > taken
    assert board.snapshot().marker == board.change_marker()


def test_each_poli_shows_its_latest_call_and_how_many_wait(
    clinic: Any, board: BoardService
) -> None:
    umum = walk_ins(clinic, 5)
    kia = walk_ins(clinic, 2, "003")
    mark(clinic, umum[0], TicketStatus.SERVED, -20)
    mark(clinic, umum[1], TicketStatus.SERVING, -10, "Loket 1")
    mark(clinic, umum[2], TicketStatus.CALLED, -5, "Loket 2")

    state = board.snapshot()
    assert state.day == date(2026, 11, 23)
    assert state.facility_name == "Puskesmas Uji"
    # Gigi holds only the demo's phone booking, not yet arrived: it stays off the board.
    assert [poli.code for poli in state.polis] == ["001", "003"]
    umum_board, kia_board = polis(state)["001"], polis(state)["003"]
    assert umum_board.name == "Umum"
    assert umum_board.current is not None
    assert umum_board.current.number == "A-003"
    assert umum_board.current.counter == "Loket 2"
    assert umum_board.current.called_at == (NINE + timedelta(minutes=-5)).astimezone(
        clinic.services.clock.zone
    )
    assert umum_board.waiting == 2
    assert kia_board.current is None
    assert kia_board.waiting == len(kia)
    assert [call.number for call in state.recent] == ["A-003", "A-002", "A-001"]

    # The one called is served; the one still being served is the number on the board.
    mark(clinic, umum[2], TicketStatus.SERVED)
    current = polis(board.snapshot())["001"].current
    assert current is not None and current.number == "A-002"
    mark(clinic, umum[1], TicketStatus.SERVED)
    assert polis(board.snapshot())["001"].current is None


def test_last_calls_are_newest_first_and_limited(clinic: Any) -> None:
    tickets = walk_ins(clinic, 6)
    for minute, ticket in enumerate(tickets):
        mark(clinic, ticket, TicketStatus.SERVED, minute)
    mark(clinic, tickets[0], TicketStatus.CALLED, 30)  # a recall moves it to the top
    state = BoardService(clinic.store, clinic.services.clock, recent=3).snapshot()
    assert [call.number for call in state.recent] == ["A-001", "A-006", "A-005"]


def test_cancelled_and_other_days_tickets_stay_off_the_board(
    clinic: Any, board: BoardService
) -> None:
    (ticket,) = walk_ins(clinic, 1, "004")
    mark(clinic, ticket, TicketStatus.CANCELLED, 1)
    assert "004" not in polis(board.snapshot())
    assert board.snapshot().recent == ()
    assert board.snapshot(date(2026, 11, 24)).polis == ()


def test_a_transferred_number_is_called_at_its_new_poli(clinic: Any, board: BoardService) -> None:
    (ticket,) = walk_ins(clinic, 1)
    mark(clinic, ticket, TicketStatus.WAITING, None, current_poli="004")
    assert polis(board.snapshot())["004"].waiting == 1
    assert polis(board.snapshot())["001"].waiting == 0
    mark(clinic, ticket, TicketStatus.CALLED, 2, "Lansia 1")
    current = polis(board.snapshot())["004"].current
    assert current is not None
    assert (current.number, current.poli_name) == ("A-001", "Lansia")


def test_desk_calls_reach_the_board_as_news(clinic: Any, board: BoardService) -> None:
    services = clinic.services
    desk = DeskService(services.store, services.clock, services.slips)
    walk_ins(clinic, 2)
    watch = CallWatch()
    assert watch.news(board.snapshot()) == []  # the baseline

    called = desk.call_next("001", "Loket 1", "desk-1")
    assert called is not None
    news = watch.news(board.snapshot())
    assert [(call.number, call.poli_name, call.counter) for call in news] == [
        ("A-001", "Umum", "Loket 1")
    ]
    clinic.clock.instant += timedelta(minutes=1)
    desk.recall(called.id, "desk-1")
    assert [call.number for call in watch.news(board.snapshot())] == ["A-001"]
    desk.start_service(called.id, "desk-1")
    state = board.snapshot()
    assert watch.news(state) == []
    current = polis(state)["001"].current
    assert current is not None and current.status == TicketStatus.SERVING


def call(ticket_id: int, minutes: float, number: str = "A-001") -> Call:
    return Call(
        ticket_id=ticket_id,
        number=number,
        poli_code="001",
        poli_name="Umum",
        counter="Loket 1",
        called_at=NINE + timedelta(minutes=minutes),
        recalls=0,
        status=TicketStatus.CALLED,
    )


def state(*recent: Call, day: date = date(2026, 11, 23)) -> BoardState:
    return BoardState(day=day, facility_name="X", polis=(), recent=recent, marker=0)


def test_news_are_new_calls_and_recalls_never_the_morning_before_start() -> None:
    watch = CallWatch()
    assert watch.news(state(call(1, 0))) == []  # already called when the board started
    assert watch.news(state(call(1, 0))) == []
    second, first_again = call(2, 5, "A-002"), call(1, 7)
    # Both arrive in one poll: announced in the order they were called.
    assert watch.news(state(first_again, second)) == [second, first_again]
    assert watch.news(state(first_again, second)) == []
    served = replace(first_again, status=TicketStatus.SERVING)
    assert watch.news(state(served, second)) == []
    # An undone recall moves the time back: nothing to announce.
    assert watch.news(state(second, call(1, 0))) == []
    assert watch.news(state(call(1, 9), second)) == [call(1, 9)]


def test_news_on_a_new_day_start_afresh() -> None:
    watch = CallWatch()
    watch.news(state(call(1, 0)))
    tomorrow = call(7, 24 * 60, "A-001")
    assert watch.news(state(tomorrow, day=date(2026, 11, 24))) == [tomorrow]
