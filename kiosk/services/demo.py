"""The demo clinic: polis, doctors, shifts, the six documented participants, one phone booking."""

from __future__ import annotations

import secrets
import tomllib
from datetime import date, time
from typing import Any

from sqlalchemy import delete, select

from kiosk.assets import assets_dir
from kiosk.domain.clock import FacilityClock
from kiosk.domain.models import TicketSource
from kiosk.domain.privacy import mask_name
from kiosk.domain.schedule import default_slot
from kiosk.services.clinic import ClinicService
from kiosk.services.tickets import TakeRequest, TicketService
from kiosk.store import Store
from kiosk.store.models import (
    DoctorRow,
    FacilityRow,
    LinkEventRow,
    OutboxRow,
    ParticipantRow,
    PoliRow,
    ScheduleRow,
    TicketCounterRow,
    TicketEventRow,
    TicketRow,
)

# Children before parents, so deletes never trip a foreign key.
_ALL_TABLES = (
    OutboxRow,
    TicketEventRow,
    TicketRow,
    TicketCounterRow,
    ScheduleRow,
    DoctorRow,
    PoliRow,
    ParticipantRow,
    FacilityRow,
    LinkEventRow,
)


def demo_data() -> dict[str, Any]:
    with (assets_dir() / "demo" / "clinic.toml").open("rb") as handle:
        return tomllib.load(handle)


def is_demo(store: Store) -> bool:
    """The store holds the demo clinic (loaded by `kiosk demo` or on a first start)."""
    with store.read() as session:
        return bool(session.scalars(select(FacilityRow.demo)).first())


def has_facility(store: Store) -> bool:
    with store.read() as session:
        return session.scalars(select(FacilityRow.code)).first() is not None


def load_demo(store: Store, clock: FacilityClock, facility_code: str, facility_name: str) -> None:
    """Replace everything in the store with the demo clinic."""
    data = demo_data()
    now = clock.utcnow()
    with store.write() as session:
        for table in _ALL_TABLES:
            session.execute(delete(table))
        session.add(
            FacilityRow(
                code=facility_code, name=facility_name, slip_key=secrets.token_bytes(32), demo=True
            )
        )
        for order, poli in enumerate(data["poli"]):
            session.add(
                PoliRow(
                    code=poli["code"],
                    name=poli["name"],
                    prefix=poli["prefix"],
                    sort_order=order,
                    active=True,
                    bookable=poli.get("bookable", True),
                    pcare_code=poli.get("pcare_code"),
                    pcare_auto_register=poli.get("pcare_auto_register", False),
                )
            )
        for doctor in data["doctor"]:
            session.add(DoctorRow(code=doctor["code"], name=doctor["name"]))
        session.flush()
        for entry in data["schedule"]:
            for weekday in range(7):
                session.add(
                    ScheduleRow(
                        poli_code=entry["poli"],
                        doctor_code=entry["doctor"],
                        weekday=weekday,
                        start=time.fromisoformat(entry["start"]),
                        end=time.fromisoformat(entry["end"]),
                        quota=entry["quota"],
                    )
                )
        for person in data["participant"]:
            here = person["fktp"] == "here"
            session.add(
                ParticipantRow(
                    nik=person["nik"],
                    card_number=person["card"],
                    display_name=mask_name(person["name"]),
                    birth_date=date.fromisoformat(person["born"]),
                    sex=person["sex"],
                    active=person["active"],
                    arrears=person["arrears"],
                    fktp_code=facility_code if here else person["fktp"],
                    fktp_name=facility_name if here else person["fktp_name"],
                    family_card=person.get("family_card"),
                    relation=person.get("relation"),
                    class_name=person.get("class"),
                    medical_record=person.get("norm"),
                    fetched_at=now,
                )
            )
    refresh_demo_bookings(store, clock, facility_code)


def refresh_demo_bookings(store: Store, clock: FacilityClock, facility_code: str) -> None:
    """Give the demo's phone-booking holder a booking for today, if they hold none yet."""
    with store.read() as session:
        facility = session.get(FacilityRow, facility_code)
        if facility is None or not facility.demo:
            return
    clinic = ClinicService(store, clock)
    tickets = TicketService(store, clock, facility_code)
    today = clock.today()
    for booking in demo_data().get("booking", []):
        with store.read() as session:
            holder = session.scalars(
                select(ParticipantRow.id).where(ParticipantRow.card_number == booking["card"])
            ).first()
        slot = default_slot(clinic.poli_day(booking["poli"], today).slots, clock.now())
        if holder is None or slot is None:
            continue
        tickets.take(
            TakeRequest(
                poli_code=booking["poli"],
                service_date=today,
                schedule_id=slot.schedule_id,
                participant_id=holder,
                complaint=booking.get("complaint"),
                source=TicketSource.BOOKING,
                actor="mobile-jkn",
            )
        )
