"""The day's report: gathers a day's tickets, their audit events and the central link's changes,
and hands them to the pure rules in :mod:`kiosk.domain.report`; writes the CSV files."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from kiosk.domain.clock import FacilityClock
from kiosk.domain.lifecycle import EventKind
from kiosk.domain.report import (
    AuditEvent,
    DayReport,
    Figures,
    LinkChange,
    PoliFigures,
    TicketHistory,
    day_report,
    offline_periods,
    whole_minutes,
)
from kiosk.domain.visit import VisitState
from kiosk.i18n import t
from kiosk.store import Store
from kiosk.store.models import (
    CentralLinkRow,
    LinkEventRow,
    PoliRow,
    TicketEventRow,
    TicketRow,
    VisitRegistrationRow,
)

CSV_HEADER = (
    "tanggal",
    "kode_poli",
    "poli",
    "pasien",
    "pindah_masuk",
    "pindah_keluar",
    "tunggu_rata_menit",
    "tunggu_p90_menit",
    "layanan_rata_menit",
    "layanan_p90_menit",
    "tidak_hadir",
    "batal",
    # Calls out of turn (branch board2): all, then per reason (OUT_OF_TURN_REASONS' order).
    "luar_urutan",
    "luar_urutan_lansia_kembali",
    "luar_urutan_hasil_lab",
    "luar_urutan_diminta_dokter",
    # PCare visit registrations (branch pcare): PCARE_COUNTS' order.
    "pcare_terdaftar",
    "pcare_menunggu_kirim",
    "pcare_ditolak",
    "kunjungan_sakit",
    "kunjungan_sehat",
)
# What the report counts of PCare registrations, per poli: registered (by PCare or by hand),
# waiting to be sent, refused, and the visits registered or on their way, sick and healthy.
PCARE_COUNTS = ("registered", "waiting", "refused", "sick", "healthy")
TOTAL = "TOTAL"
# The reasons the desk offers for a call out of turn (kiosk.services.desk checks them).
OUT_OF_TURN_REASONS = ("returned", "lab_result", "doctor_asked")


@dataclass(frozen=True)
class ReportFiles:
    polis: Path
    arrivals: Path


class ReportService:
    def __init__(self, store: Store, clock: FacilityClock) -> None:
        self.store = store
        self.clock = clock

    def day(self, day: date | None = None) -> DayReport:
        day = day or self.clock.today()
        start = datetime.combine(day, time(0), self.clock.zone)
        end = start + timedelta(days=1)
        with self.store.read() as session:
            names = {
                code: name
                for code, name in session.execute(
                    select(PoliRow.code, PoliRow.name).order_by(PoliRow.sort_order, PoliRow.code)
                )
            }
            homes = dict(
                session.execute(
                    select(TicketRow.id, TicketRow.poli_code).where(TicketRow.service_date == day)
                ).all()
            )
            events: dict[int, list[AuditEvent]] = defaultdict(list)
            out_of_turn: list[tuple[int, str, str]] = []  # event id, poli called at, reason
            for row in session.scalars(
                select(TicketEventRow)
                .join(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
                .where(TicketRow.service_date == day)
                .order_by(TicketEventRow.id)
            ):
                detail = row.detail or {}
                undid = detail.get("undid")
                reason = detail.get("out_of_turn")
                if row.kind == EventKind.CALLED and isinstance(reason, str):
                    at_poli = (detail.get("after") or {}).get("current_poli")
                    out_of_turn.append((row.id, at_poli or homes[row.ticket_id], reason))
                events[row.ticket_id].append(
                    AuditEvent(
                        id=row.id,
                        at=row.at,
                        kind=row.kind,
                        to_poli=detail.get("to"),
                        undid=undid if isinstance(undid, int) else None,
                    )
                )
            # The state the day began in (the last change before it), then the day's changes.
            before = session.scalars(
                select(LinkEventRow)
                .where(LinkEventRow.at < start)
                .order_by(LinkEventRow.at.desc(), LinkEventRow.id.desc())
            ).first()
            during = session.scalars(
                select(LinkEventRow)
                .where(LinkEventRow.at >= start, LinkEventRow.at < end)
                .order_by(LinkEventRow.at, LinkEventRow.id)
            ).all()
            changes = [LinkChange(r.at, r.online) for r in ([before] if before else []) + [*during]]
            last_contact = session.scalar(select(CentralLinkRow.last_contact_at).limit(1))
        histories = [
            TicketHistory(ticket_id, poli, tuple(events.get(ticket_id, ())))
            for ticket_id, poli in homes.items()
        ]
        offline = offline_periods(changes, start, end)
        report = day_report(histories, names, self.clock.zone, offline)
        undone = {e.undid for history in histories for e in history.events if e.undid}
        counts: dict[str, dict[str, int]] = {}
        for event_id, poli, reason in out_of_turn:
            if event_id not in undone:
                by_reason = counts.setdefault(poli, {})
                by_reason[reason] = by_reason.get(reason, 0) + 1
        return replace(
            report,
            last_contact=last_contact,
            out_of_turn=counts,
            pcare=self._pcare(day),
        )

    def _pcare(self, day: date) -> dict[str, dict[str, int]]:
        with self.store.read() as session:
            rows = session.execute(
                select(
                    TicketRow.poli_code, VisitRegistrationRow.state, VisitRegistrationRow.visit_sick
                )
                .join(TicketRow, TicketRow.id == VisitRegistrationRow.ticket_id)
                .where(TicketRow.service_date == day)
            ).all()
        counts: dict[str, dict[str, int]] = {}
        for poli, state, sick in rows:
            kinds = []
            if VisitState(state).counts_registered:
                kinds.append("registered")
            elif state == VisitState.QUEUED:
                kinds.append("waiting")
            elif state == VisitState.REFUSED:
                kinds.append("refused")
            if kinds:  # taken back (withdrawn, deleted, being deleted) counts nowhere
                kinds.append("sick" if sick else "healthy")
            here = counts.setdefault(poli, dict.fromkeys(PCARE_COUNTS, 0))
            for kind in kinds:
                here[kind] += 1
        return counts

    def pcare_lines(self, report: DayReport, lang: str) -> list[str]:
        """PCare registrations per poli, as ``kiosk report`` says them."""
        names = {poli.code: poli.name for poli in report.polis}
        return [
            t("report.pcare_line", lang, poli=names.get(code, code), **figures)
            for code, figures in sorted(report.pcare.items())
        ] or [t("report.pcare_none", lang)]

    def out_of_turn_lines(self, report: DayReport, lang: str) -> list[str]:
        """Calls out of turn per poli and reason, as the desk and ``kiosk report`` say them."""
        names = {poli.code: poli.name for poli in report.polis}
        lines = []
        for code, reasons in sorted(report.out_of_turn.items()):
            detail = ", ".join(
                f"{t(f'desk.out_of_turn.{reason}', lang)} {n}"
                for reason, n in sorted(reasons.items())
            )
            lines.append(f"Poli {names.get(code, code)}: {sum(reasons.values())} ({detail})")
        return lines or ["0"]

    def offline_lines(self, report: DayReport, lang: str) -> list[str]:
        """The offline periods in the clinic's time, as the desk and ``kiosk report`` say them.
        One that no one saw end says what is known: since when, and when the central last
        answered (not "still offline", which nobody can know after the fact)."""
        if not report.offline:
            return [t("report.offline_none", lang)]
        lines = []
        for period in report.offline:
            start = f"{self.clock.local(period.start):%H:%M}"
            if period.end is not None:
                lines.append(f"{start}–{self.clock.local(period.end):%H:%M}")
            elif report.last_contact is None:
                lines.append(t("report.offline_since_never", lang, start=start))
            else:
                seen = self.clock.local(report.last_contact)
                when = (
                    f"{seen:%H:%M}"
                    if seen.date() == self.clock.local(period.start).date()
                    else f"{seen:%d-%m-%Y %H:%M}"
                )
                lines.append(t("report.offline_since", lang, start=start, seen=when))
        return lines


def _number(value: float | None) -> str:
    return "" if value is None else whole_minutes(value)


def _row(
    day: date,
    figures: PoliFigures,
    code: str,
    name: str,
    out_of_turn: Mapping[str, int],
    pcare: Mapping[str, int],
) -> list[str]:
    def pair(f: Figures) -> list[str]:
        return [_number(f.mean), _number(f.p90)]

    return [
        day.isoformat(),
        code,
        name,
        str(figures.patients),
        str(figures.transferred_in),
        str(figures.transferred_out),
        *pair(figures.wait),
        *pair(figures.service),
        str(figures.no_shows),
        str(figures.cancellations),
        str(sum(out_of_turn.values())),
        *(str(out_of_turn.get(reason, 0)) for reason in OUT_OF_TURN_REASONS),
        *(str(pcare.get(kind, 0)) for kind in PCARE_COUNTS),
    ]


def write_csv(report: DayReport, day: date, path: Path) -> ReportFiles:
    """The per-poli table (a header, one row per poli, a TOTAL row) in ``path``, and the
    arrivals per hour beside it in ``<name>-kedatangan.csv``: two plain tables, each opening in
    a spreadsheet as it is (UTF-8 with a byte-order mark, which spreadsheets read as UTF-8)."""
    arrivals = path.with_name(f"{path.stem}-kedatangan{path.suffix or '.csv'}")
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER)
        everywhere: dict[str, int] = defaultdict(int)
        registrations: dict[str, int] = defaultdict(int)
        for poli in report.polis:
            here = report.out_of_turn.get(poli.code, {})
            for reason, n in here.items():
                everywhere[reason] += n
            pcare = report.pcare.get(poli.code, {})
            for kind, n in pcare.items():
                registrations[kind] += n
            writer.writerow(_row(day, poli, poli.code, poli.name, here, pcare))
        writer.writerow(_row(day, report.total, TOTAL, TOTAL, everywhere, registrations))
    with arrivals.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(("tanggal", "jam", "kedatangan"))
        for hour, count in enumerate(report.arrivals_per_hour):
            writer.writerow((day.isoformat(), f"{hour:02d}:00", count))
    return ReportFiles(path, arrivals)
