"""The slip a patient takes away: its content, its signed QR code, and printing it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import Settings
from kiosk.domain import slip_code
from kiosk.domain.models import QueuePosition, Ticket
from kiosk.i18n import t
from kiosk.services.clinic import ClinicService
from kiosk.slip.model import SlipData, SlipLabels
from kiosk.slip.printer import PrinterError, SlipPrinter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool
    path: Path | None = None


class SlipService:
    def __init__(self, clinic: ClinicService, settings: Settings) -> None:
        self.clinic = clinic
        self.settings = settings
        self._key: bytes | None = None

    def _slip_key(self) -> bytes:
        if self._key is None:
            self._key = self.clinic.slip_key()
        return self._key

    def code_for(self, ticket: Ticket) -> str:
        """The QR payload: facility, date, number and ticket id, signed; nothing personal."""
        return slip_code.encode(
            slip_code.SlipCode(
                self.clinic.facility().code, ticket.service_date, ticket.number, ticket.id
            ),
            self._slip_key(),
        )

    def qr_for(self, ticket: Ticket) -> str:
        """What the slip's QR holds: the patient's page on the clinic's network when
        ``KIOSK_PUBLIC_URL`` is set (the desk's scanner reads the code out of it), else the code."""
        code = self.code_for(ticket)
        base = self.settings.public_url
        return slip_code.page_url(base, code) if base else code

    def address_for(self, ticket: Ticket) -> str | None:
        """The patient's page as printed under the QR, short enough to type; None without
        ``KIOSK_PUBLIC_URL``."""
        base = self.settings.public_url
        if not base:
            return None
        return slip_code.page_url(base, slip_code.short_code(self.code_for(ticket)))

    def verify_page(self, text: str, ticket: Ticket | None = None) -> slip_code.SlipCode:
        """A page address's code, full or short, valid today only. A short code names its ticket
        (``ticket``, looked up by the caller); its code is rebuilt and its signature compared."""
        short = slip_code.parse_short(text)
        if short is None:
            return self.verify(text, today_only=True)
        if ticket is None or not slip_code.short_matches(self.code_for(ticket), short[1]):
            raise slip_code.SlipCodeError(slip_code.SlipCodeProblem.FORGED)
        return self.verify(self.code_for(ticket), today_only=True)

    def verify(self, text: str, today_only: bool = True) -> slip_code.SlipCode:
        today = self.clinic.clock.today() if today_only else None
        return slip_code.decode(text, self._slip_key(), today)

    def slip_for(self, position: QueuePosition, lang: str) -> SlipData:
        ticket = position.ticket
        return SlipData(
            facility_name=self.clinic.facility().name,
            number=ticket.number,
            poli_name=ticket.poli_name,
            doctor_name=ticket.doctor_name,
            service_date=ticket.service_date,
            jampraktek=ticket.jampraktek,
            people_ahead=position.people_ahead,
            masked_card=ticket.masked_card,
            qr_payload=self.qr_for(ticket),
            address=self.address_for(ticket),
            issued_at=self.clinic.clock.now(),
            estimate=(
                t(
                    "ticket.estimate",
                    lang,
                    low=f"{self.clinic.clock.local(position.estimate_from):%H:%M}",
                    high=f"{self.clinic.clock.local(position.estimate_to):%H:%M}",
                )
                if position.estimate_from and position.estimate_to
                else None
            ),
            labels=SlipLabels(
                title=t("slip.title", lang),
                poli=t("slip.poli", lang),
                doctor=t("slip.doctor", lang),
                date=t("slip.date", lang),
                shift=t("slip.shift", lang),
                ahead=t("slip.ahead", lang, n="{n}"),
                card=t("slip.card", lang),
                non_jkn=t("slip.non_jkn", lang),
                footer=t("slip.footer", lang),
                issued=t("slip.issued", lang),
                ahead_none=t("ticket.ahead_none", lang),
                ahead_one=t("ticket.ahead_one", lang),
                code=t("ticket.qr_label", lang),
            ),
        )

    def print_slip(self, slip: SlipData) -> PrintOutcome:
        """Print on the configured printer; a failure is reported, never raised to the screen."""
        printer = SlipPrinter(self.settings.printer_spec)
        try:
            path = printer.print_slip(slip, self.settings.slip_width_px)
        except PrinterError as exc:
            log.warning("slip %s not printed: %s", slip.number, exc)
            return PrintOutcome(printed=False)
        return PrintOutcome(printed=True, path=path)
