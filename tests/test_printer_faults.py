"""Printer faults, each the way the kiosk meets it: offline, out of paper, a connection lost
mid-job, a USB printer unplugged or failing (python-escpos' own exceptions). Every one is a
PrinterError with a line that says what happened; a printer that keeps quiet still prints."""

from __future__ import annotations

from typing import Any

import escpos.printer
import pytest
from escpos.exceptions import DeviceNotFoundError
from sqlalchemy import select

from kiosk.slip.printer import PrinterError, PrinterSpec, SlipPrinter, escpos_bytes
from kiosk.store.models import TicketRow
from tests.fake_printer import FakeNetworkPrinter
from tests.test_slip import _free_port, sample_slip


def _net(port: int) -> SlipPrinter:
    return SlipPrinter(PrinterSpec("escpos-net", host="127.0.0.1", port=port))


@pytest.mark.parametrize("mode", ["ok", "silent"])
def test_a_printer_with_paper_or_without_a_sensor_prints(mode: str) -> None:
    with FakeNetworkPrinter(mode) as printer:
        _net(printer.port).print_slip(sample_slip(), 384)
    assert printer.jobs == [escpos_bytes(sample_slip(), 384)]


def test_out_of_paper_is_said_and_nothing_is_sent() -> None:
    with (
        FakeNetworkPrinter("no-paper") as printer,
        pytest.raises(PrinterError, match="out of paper"),
    ):
        _net(printer.port).print_slip(sample_slip(), 384)
    assert printer.jobs == []


def test_a_connection_lost_mid_job_is_a_printer_error() -> None:
    with FakeNetworkPrinter("reset") as printer, pytest.raises(PrinterError):
        _net(printer.port).print_slip(sample_slip(), 576)


def test_an_offline_printer_is_a_printer_error() -> None:
    with pytest.raises(PrinterError, match="unreachable"):
        _net(_free_port()).print_slip(sample_slip(), 384)


class _FakeUsb:
    """What python-escpos' Usb does when the device is gone, or fails while printing."""

    fault = "gone"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.sent = b""

    @staticmethod
    def is_usable() -> bool:
        return True

    def open(self) -> None:
        if self.fault == "gone":
            raise DeviceNotFoundError("Unable to open USB printer on (0x04b8, 0x0202)")

    def paper_status(self) -> int:
        return 2

    def _raw(self, data: bytes) -> None:
        raise OSError(19, "No such device (it was unplugged)")  # pyusb's USBError is an OSError

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("fault", "said"), [("gone", "not found"), ("mid-job", "failed while printing")]
)
def test_usb_printer_unplugged_or_failing(
    monkeypatch: pytest.MonkeyPatch, fault: str, said: str
) -> None:
    monkeypatch.setattr(_FakeUsb, "fault", fault)
    monkeypatch.setattr(escpos.printer, "Usb", _FakeUsb)
    usb = SlipPrinter(PrinterSpec("escpos-usb", vendor_id=0x04B8, product_id=0x0202))
    with pytest.raises(PrinterError, match=said):
        usb.print_slip(sample_slip(), 384)


# -- through the screens: the ticket stands, the kiosk says what to do, the desk reprints -------


@pytest.mark.ui
async def test_out_of_paper_at_the_kiosk_then_the_desk_reprints(
    make_settings: Any, clock_source: Any
) -> None:
    from kiosk.app import KioskApp
    from kiosk.desk_app import DeskApp
    from kiosk.domain.clock import FacilityClock
    from kiosk.services.setup import open_clinic
    from kiosk.services.staff import StaffService
    from tests.conftest import QUICK_PIN_ITERATIONS, WIB
    from tests.ui.helpers import SITI_NIK, identify, screen_text, settle, take_umum_with_defaults
    from tests.ui.test_desk import key, open_umum, said

    with FakeNetworkPrinter("no-paper") as printer:
        services = open_clinic(
            make_settings(printer=printer.spec), clock=FacilityClock(WIB, clock_source)
        )
        kiosk = KioskApp(services)
        async with kiosk.run_test(size=(80, 24)) as pilot:
            await identify(pilot, SITI_NIK)
            await take_umum_with_defaults(pilot)
            shown = " ".join(screen_text(kiosk).split())
            assert "A-001" in shown
            assert "Slip gagal dicetak" in shown and "loket" in shown
        with services.store.read() as session:
            ticket_id = session.scalars(
                select(TicketRow.id).where(TicketRow.number == "A-001")
            ).one()
        ticket = services.tickets.get(ticket_id)
        assert (ticket.number, ticket.status) == ("A-001", "waiting")  # the ticket stands
        assert printer.jobs == []

        StaffService(services.store, services.clock, QUICK_PIN_ITERATIONS).add("sari", "4321")
        code = services.slips.code_for(ticket)
        desk = DeskApp(services)
        async with desk.run_test(size=(100, 30)) as pilot:
            await open_umum(pilot)
            await key(pilot, "slash")
            await pilot.press(*code, "enter")
            await settle(pilot)
            await key(pilot, "p")
            assert "gagal" in said(desk)  # still no paper: the desk is told too
            printer.mode = "ok"  # paper loaded
            await key(pilot, "p")
            assert "dicetak ulang" in said(desk)
        services.store.dispose()
    assert len(printer.jobs) == 1 and b"A-001" in printer.jobs[0]
