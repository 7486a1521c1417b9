"""Several kiosk processes take numbers for one poli and day on one store at once.

Four processes on one SQLite file (WAL), eight on PostgreSQL: what one clinic's terminals do.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from _race_workers import run_all
from _workers import take_walk_ins
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kiosk.store.models import ScheduleRow, TicketCounterRow, TicketRow

pytestmark = pytest.mark.slow

PER_WORKER = 15
POLI = "001"


def test_processes_get_distinct_contiguous_numbers(clinic: Any) -> None:
    today = clinic.services.clock.today()
    schedule_id = clinic.schedule_id(POLI, today, "00:00")
    with clinic.store.write() as session:
        session.get_one(ScheduleRow, schedule_id).quota = 1000
    url = clinic.services.settings.database_url
    workers = 8 if url.startswith("postgresql") else 4
    clinic.store.dispose()  # the parent holds no connection while the children write

    reports = run_all(
        take_walk_ins, [(url, POLI, today, schedule_id, PER_WORKER) for _ in range(workers)]
    )
    assert len({report[1] for report in reports}) == workers

    total = workers * PER_WORKER
    seqs = [seq for report in reports for seq in report[2]]
    numbers = [number for report in reports for number in report[3]]
    assert sorted(seqs) == list(range(1, total + 1))
    assert len(set(numbers)) == total
    for report in reports:
        assert report[2] == sorted(report[2])  # each kiosk sees its own numbers rise

    with clinic.store.read() as session:
        stored = session.execute(
            select(TicketRow.seq, TicketRow.number).where(
                TicketRow.poli_code == POLI, TicketRow.service_date == today
            )
        ).all()
        last_seq = session.scalar(
            select(TicketCounterRow.last_seq).where(
                TicketCounterRow.poli_code == POLI, TicketCounterRow.service_date == today
            )
        )
        per_number = session.execute(
            select(func.count())
            .select_from(TicketRow)
            .group_by(TicketRow.poli_code, TicketRow.service_date, TicketRow.seq)
            .having(func.count() > 1)
        ).all()
    assert sorted(seq for seq, _ in stored) == list(range(1, total + 1))
    assert Counter(number for _, number in stored) == Counter(numbers)
    assert last_seq == total
    assert per_number == []

    # The unique constraint is in place: a second ticket with a used number cannot be stored.
    with pytest.raises(IntegrityError), clinic.store.write() as session:
        first = session.scalars(
            select(TicketRow).where(TicketRow.poli_code == POLI, TicketRow.seq == 1)
        ).one()
        session.add(
            TicketRow(
                poli_code=POLI,
                service_date=today,
                seq=1,
                number=first.number,
                source="walk_in",
                status="waiting",
                non_jkn=True,
                verified=True,
                created_at=first.created_at,
                updated_at=first.updated_at,
            )
        )
        session.flush()
