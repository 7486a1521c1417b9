"""The central link's history: when it went down and when it came back (the day's report shows
the offline periods). Whoever watches the link calls :func:`record_link_state` as often as it
likes; only a change is written, so the table holds one row per transition."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.store.db import Store
from kiosk.store.models import LinkEventRow


def record_link_state(
    target: Session | Store, online: bool, at: datetime, detail: str = ""
) -> bool:
    """Note that the central is (un)reachable at ``at``; True when that was a change.

    ``target`` is an open session (the caller commits with its own change) or the store (a
    transaction of its own). The first state ever seen is written too: it starts the history.
    """
    if isinstance(target, Store):
        with target.write() as session:
            return _record(session, online, at, detail)
    return _record(target, online, at, detail)


def _record(session: Session, online: bool, at: datetime, detail: str) -> bool:
    last = session.scalars(
        select(LinkEventRow.online).order_by(LinkEventRow.at.desc(), LinkEventRow.id.desc())
    ).first()
    if last is not None and last == online:
        return False
    # The detail is for staff (e.g. "timeout"); never a request, so never personal data.
    session.add(LinkEventRow(at=at, online=online, detail=detail[:500]))
    session.flush()
    return True
