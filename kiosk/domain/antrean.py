"""Payloads for the central's Antrean FKTP calls, with the protocol's exact field names."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.domain.models import Participant, Ticket


def add_payload(ticket: Ticket, participant: Participant, phone: str | None) -> dict[str, Any]:
    return {
        "nomorkartu": participant.card_number,
        "nik": participant.nik or "",
        "nohp": phone or "",
        "kodepoli": ticket.poli_code,
        "namapoli": ticket.poli_name,
        "norm": "",
        "tanggalperiksa": ticket.service_date.isoformat(),
        "kodedokter": ticket.doctor_code,
        "namadokter": ticket.doctor_name or "",
        "jampraktek": ticket.jampraktek,
        "nomorantrean": ticket.number,
        "angkaantrean": ticket.seq,
        "keterangan": "",
    }


def cancel_payload(ticket: Ticket, participant: Participant, reason: str) -> dict[str, Any]:
    return {
        "tanggalperiksa": ticket.service_date.isoformat(),
        "kodepoli": ticket.poli_code,
        "nomorkartu": participant.card_number,
        "alasan": reason,
    }


def call_payload(
    ticket: Ticket, participant: Participant, present: bool, when: datetime
) -> dict[str, Any]:
    """``antrean/panggil``: the patient came when called (status 1) or did not (status 2)."""
    return {
        "tanggalperiksa": ticket.service_date.isoformat(),
        "kodepoli": ticket.poli_code,
        "nomorkartu": participant.card_number,
        "status": 1 if present else 2,
        "waktu": int(when.timestamp() * 1000),
    }
