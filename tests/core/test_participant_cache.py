"""The participant cache when two terminals look up one new card at once (both engines)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

import kiosk.sync.registry as registry
from kiosk.contract.pcare import Member
from kiosk.store.models import ParticipantRow

CARD = "0008000000260"
WHEN = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def member(name: str) -> Member:
    return Member(
        card_number=CARD,
        nik="3273010101800260",
        name=name,
        sex="P",
        birth_date=date(1980, 1, 1),
        active=True,
        status_note="AKTIF",
        arrears=0,
        fktp_code="P3273010",
        fktp_name="Puskesmas Sukamaju",
        class_name="KELAS III",
    )


def test_a_card_another_terminal_cached_meanwhile_is_updated_not_a_crash(
    clinic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL both terminals can find no row before either inserts; the second insert
    then meets the unique card number. Here the other terminal's row is written first and this
    terminal's read is made to miss it, which is that moment."""
    with clinic.store.write() as session:  # the other terminal's lookup, committed
        registry.remember(session, member("Rina Wulandari"), WHEN)
    real = registry._cached
    misses = iter([None])
    monkeypatch.setattr(registry, "_cached", lambda s, card: next(misses, real(s, card)))
    with clinic.store.write() as session:
        row = registry.remember(session, member("Rina W. Wulandari"), WHEN)
        kept = row.id
    with clinic.store.read() as session:
        rows = session.scalars(select(ParticipantRow).where(ParticipantRow.card_number == CARD))
        (only,) = rows.all()
    assert only.id == kept and only.verified and only.nik == "3273010101800260"
    assert only.display_name == registry.mask_name("Rina W. Wulandari")
