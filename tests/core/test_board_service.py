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
    """What a desk does to a ticket: a new state and an event; with ``minutes``, a call then
    (``minutes`` after nine), recorded as the desk records it."""
    with clinic.store.write() as session:
        row = session.get_one(TicketRow, ticket_id)
        row.status = status.value
        for name, value in fields.items():
            setattr(row, name, value)
        kind, detail = status.value, {}
        if minutes is not None:
            row.called_at = NINE + timedelta(minutes=minutes)
            row.counter = counter
            kind = "called"
            after = {"called_at": row.called_at.isoformat(), "counter": counter}
            detail = {"after": {**after, "current_poli": row.current_poli, "recalls": 0}}
        row.updated_at = NINE
        session.add(
            TicketEventRow(ticket_id=ticket_id, at=NINE, kind=kind, actor="test", detail=detail)
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
    # Every poli that opens today is on the board from the start of the day (Gigi holds only
    # the demo's phone booking, not yet arrived); the pharmacy, open to no one, only once used.
    assert [poli.code for poli in state.polis] == ["001", "002", "003", "004"]
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

    # Served or not, the last call at a poli stays its number until the next call there.
    mark(clinic, umum[2], TicketStatus.SERVED)
    mark(clinic, umum[1], TicketStatus.SERVED)
    current = polis(board.snapshot())["001"].current
    assert current is not None and current.number == "A-003"
    assert [call.number for call in board.snapshot().recent] == ["A-003", "A-002", "A-001"]


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
    mark(clinic, ticket, TicketStatus.CANCELLED)
    assert polis(board.snapshot())["004"].waiting == 0
    assert board.snapshot().recent == ()
    (ticket,) = walk_ins(clinic, 1, "003")
    mark(clinic, ticket, TicketStatus.CALLED, 1)
    tomorrow = board.snapshot(date(2026, 11, 24))
    assert tomorrow.recent == ()
    assert all(poli.current is None and poli.waiting == 0 for poli in tomorrow.polis)


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


def call(ticket_id: int, minutes: float, number: str = "A-001", call_id: int = 0) -> Call:
    return Call(
        ticket_id=ticket_id,
        number=number,
        poli_code="001",
        poli_name="Umum",
        counter="Loket 1",
        called_at=NINE + timedelta(minutes=minutes),
        recalls=0,
        status=TicketStatus.CALLED,
        call_id=call_id or int(minutes) + 1,
    )


def state(*recent: Call, day: date = date(2026, 11, 23)) -> BoardState:
    return BoardState(day=day, facility_name="X", polis=(), recent=recent, marker=0)


def test_news_are_new_calls_and_recalls_never_the_morning_before_start() -> None:
    watch = CallWatch()
    assert watch.news(state(call(1, 0))) == []  # already called when the board started
    assert watch.news(state(call(1, 0))) == []
    second, first_again = call(2, 5, "A-002"), call(1, 7)
    # Both arrive in one poll: announced in the order they were called.
    assert watch.news(state(first_again, second, call(1, 0))) == [second, first_again]
    assert watch.news(state(first_again, second, call(1, 0))) == []
    served = replace(first_again, status=TicketStatus.SERVING)
    assert watch.news(state(served, second)) == []
    # An undone recall drops its event: nothing to announce.
    assert watch.news(state(second, call(1, 0))) == []
    assert watch.news(state(call(1, 9), second)) == [call(1, 9)]


def test_news_on_a_new_day_start_afresh() -> None:
    watch = CallWatch()
    watch.news(state(call(1, 0)))
    tomorrow = call(7, 24 * 60, "A-001")
    assert watch.news(state(tomorrow, day=date(2026, 11, 24))) == [tomorrow]


def test_a_transfer_or_a_finish_never_erases_or_replays_a_call(
    clinic: Any, board: BoardService
) -> None:
    """Issue 16, item 15: the desk calls A-001 and A-002 at Umum, finishes A-001, and sends
    A-002 on to KIA. Umum still shows A-002 where it was called; nothing is news again."""
    services = clinic.services
    desk = DeskService(services.store, services.clock, services.slips)
    walk_ins(clinic, 3)
    watch = CallWatch()
    watch.news(board.snapshot())
    first = desk.call_next("001", "Ruang 1", "desk-1")
    assert first is not None
    desk.finish(first.id, "desk-1")
    clinic.clock.instant += timedelta(minutes=2)
    second = desk.call_next("001", "Ruang 2", "desk-1")
    assert second is not None
    assert [c.number for c in watch.news(board.snapshot())] == ["A-001", "A-002"]
    desk.transfer(second.id, "003", "desk-1")
    state = board.snapshot()
    assert watch.news(state) == []
    umum = polis(state)["001"]
    assert umum.current is not None
    assert (umum.current.number, umum.current.counter) == ("A-002", "Ruang 2")
    assert [c.number for c in state.recent] == ["A-002", "A-001"]
    assert polis(state)["003"].waiting == 1
    # KIA calls the transferred patient: a new call, news once, with KIA's room.
    third = desk.call_next("003", "Ruang KIA", "desk-2")
    assert third is not None and third.number == "A-002"
    state = board.snapshot()
    assert [(c.number, c.poli_name, c.counter) for c in watch.news(state)] == [
        ("A-002", "KIA", "Ruang KIA")
    ]
    kia = polis(state)["003"].current
    assert kia is not None and kia.counter == "Ruang KIA"
    # An undone call did not happen: the poli shows the call before it, and nothing replays.
    desk.undo("desk-2")
    state = board.snapshot()
    assert polis(state)["003"].current is None
    assert watch.news(state) == []


def test_a_room_screen_shows_only_its_polis(clinic: Any, board: BoardService) -> None:
    (umum,) = walk_ins(clinic, 1)
    (kia,) = walk_ins(clinic, 1, "003")
    mark(clinic, umum, TicketStatus.CALLED, 1)
    mark(clinic, kia, TicketStatus.CALLED, 2)
    room = board.snapshot().only(frozenset({"003"}))
    assert [poli.code for poli in room.polis] == ["003"]
    assert [call.number for call in room.recent] == ["C-001"]
    assert board.snapshot().only(None) == board.snapshot()
