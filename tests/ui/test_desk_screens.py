"""Every desk screen at 80x24 and 120x36, in Indonesian and English: snapshots, and a walk that
fails on a cut word (``…``), a line wider than the terminal, or content that scrolls sideways."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from kiosk.desk_app import DeskApp
from kiosk.services import Services
from kiosk.services.desk import DeskService
from tests.ui.helpers import leaves, screen_name, screen_text, settle
from tests.ui.test_desk import desk_services, key, take  # noqa: F401

Steps = Callable[[Pilot[None]], Awaitable[None]]


def busy_day(services: Services) -> None:
    """A queue with every kind of row: the longest flags, a non-JKN patient, one called."""
    desk = DeskService(services.store, services.clock, services.slips)
    first = take(services, 1)
    take(services, 2)
    third = take(services, 6)
    take(services)
    desk.set_priority(third, "pregnant", "test")
    desk.call_next("001", "Loket Umum", "test")
    assert first


async def sign_in_as(pilot: Pilot[None], lang: str) -> None:
    if lang == "en":
        await key(pilot, "f2")
    await pilot.press(*"sari", "enter")
    await settle(pilot)
    for digit in "4321":
        await pilot.press(digit)
    await pilot.press("enter")
    await settle(pilot)


async def to_queue(pilot: Pilot[None], lang: str) -> None:
    await sign_in_as(pilot, lang)
    await key(pilot, "1")
    await key(pilot, "down")  # Budi: a waiting row, not the one called


def steps(*pressed: str) -> Callable[[str], Steps]:
    def for_lang(lang: str) -> Steps:
        async def run(pilot: Pilot[None]) -> None:
            if pressed and pressed[0] == "signin":
                if lang == "en":
                    await key(pilot, "f2")
                return
            if pressed and pressed[0] == "pick":
                await sign_in_as(pilot, lang)
                return
            await to_queue(pilot, lang)
            for name in pressed:
                await key(pilot, name)
            for field in pilot.app.screen.query(Input):
                field.cursor_blink = False  # a blinking cursor makes the snapshot flaky
            await settle(pilot)

        return run

    return for_lang


def refusals_panel(lang: str) -> Steps:
    """Two numbers refused by BPJS (the SRK one, a full shift), then k on a row without one."""

    async def run(pilot: Pilot[None]) -> None:
        from tests.ui.test_desk_refusals import QUOTA, SRK, park

        services: Services = pilot.app.services  # type: ignore[attr-defined]
        for ticket_id, message in ((1, SRK), (3, QUOTA)):
            park(services, ticket_id, message)
        await to_queue(pilot, lang)
        await key(pilot, "k")
        await settle(pilot)

    return run


DESK_SCREENS: dict[str, Callable[[str], Steps]] = {
    "sign_in": steps("signin"),
    "pick_poli": steps("pick"),
    "queue": steps(),
    "transfer": steps("t"),
    "priority": steps("exclamation_mark"),
    "cancel": steps("x"),
    "find": steps("slash"),
    "report": steps("g"),
    "refusals": refusals_panel,
    "vitals": steps("up", "i"),  # Siti, called: the PCare vitals form
    "pcare_menu": steps("up", "d", "d"),  # registered, then what may be done with it
}


def overflow(widget: Widget) -> bool:
    return widget.is_scrollable and widget.max_scroll_x > 0


def problems(app: DeskApp, width: int) -> list[str]:
    found = []
    for number, line in enumerate(screen_text(app).splitlines()):
        if "…" in line:
            found.append(f"cut word on line {number}: {line!r}")
        if len(line.rstrip()) > width:
            found.append(f"line {number} wider than {width}: {line!r}")
    found += [
        f"{widget!r} scrolls sideways" for widget in app.screen.query("*") if overflow(widget)
    ]
    return found


def walked_and_fits(name: str, lang: str, width: int) -> Steps:
    """Walk to the screen, then fail on what a person would trip over there."""

    async def run(pilot: Pilot[None]) -> None:
        app: DeskApp = pilot.app  # type: ignore[assignment]
        await DESK_SCREENS[name](lang)(pilot)
        await settle(pilot)
        assert not problems(app, width), (name, lang, problems(app, width))
        if name not in ("sign_in", "pick_poli"):
            assert screen_name(app) != "SignInScreen", name
        if name in ("transfer", "priority", "cancel"):
            assert "A-002" in screen_text(app), "the dialog names its ticket"
        if name in ("vitals", "pcare_menu"):
            assert "A-001" in screen_text(app), "the dialog names its ticket"

    return run


# 80x24, the tightest, is checked on the snapshots' own walk below; here the wider terminal.
@pytest.mark.parametrize("lang", ["id", "en"])
# Eleven desk apps walked per case: a drill of seconds, left out of `make check`.
@pytest.mark.slow
@pytest.mark.parametrize("size", [(120, 36)])
async def test_every_desk_screen_fits(
    desk_services: Services,  # noqa: F811
    lang: str,
    size: tuple[int, int],
) -> None:
    busy_day(desk_services)
    for name in DESK_SCREENS:
        app = DeskApp(desk_services)
        async with app.run_test(size=size) as pilot:
            await walked_and_fits(name, lang, size[0])(pilot)


async def test_no_residue_after_the_transfer_dialog(desk_services: Services) -> None:  # noqa: F811
    busy_day(desk_services)
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_queue(pilot, "id")
        before = screen_text(app)
        await key(pilot, "t")
        await key(pilot, "escape")
        assert screen_text(app) == before


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(DESK_SCREENS))
def test_desk_screen_snapshot(
    desk_services: Services,  # noqa: F811
    snap_compare: Any,
    name: str,
    lang: str,
) -> None:
    busy_day(desk_services)
    assert snap_compare(
        DeskApp(desk_services),
        terminal_size=(80, 24),
        run_before=walked_and_fits(name, lang, 80),
    )


async def test_f2_on_the_report_relabels_the_queue_too(desk_services: Services) -> None:  # noqa: F811
    busy_day(desk_services)
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_queue(pilot, "id")
        assert "Panggil berikut" in screen_text(app)
        await key(pilot, "g")
        await key(pilot, "f2")
        assert "Daily report" in screen_text(app)
        await key(pilot, "escape")
        text = screen_text(app)
        assert "Call next" in text and "Number" in text and "Panggil berikut" not in text
        # A refusal names the state in the language too, never its code ("waiting").
        await key(pilot, "a")  # back to the queue: Budi already waits
        assert "A-002 is waiting" in " ".join(screen_text(app).split())


async def test_an_action_acts_only_on_the_row_shown_and_selected(
    desk_services: Services,  # noqa: F811
) -> None:
    """Another desk moves the selected ticket to KIA: `v` then says to pick a row, and does not
    verify the ticket that has left this list (it said "A-004 sudah terverifikasi" before)."""
    ticket_id = take(desk_services)
    desk = DeskService(desk_services.store, desk_services.clock, desk_services.slips)
    app = DeskApp(desk_services)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_queue(pilot, "id")
        assert "A-001" in screen_text(app)
        desk.transfer(ticket_id, "003", "other@Loket KIA")
        assert await leaves(pilot, "A-001")  # the list refreshes every second
        for action in ("v", "f", "t", "x", "exclamation_mark", "p"):
            await key(pilot, action)
            assert screen_name(app) == "DeskScreen", action  # no dialog for a ticket not shown
            assert "Pilih nomor di daftar dulu" in " ".join(screen_text(app).split()), action
    assert desk_services.tickets.get(ticket_id).status.value == "waiting"
