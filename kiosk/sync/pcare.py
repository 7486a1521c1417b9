"""The pump's side of PCare visit registrations (issue 13): sending ``POST /pendaftaran`` and its
``DELETE``, and writing PCare's answer on the visit's registration record.

- A POST that may have reached PCare before (a second attempt: the pump died, or the answer was
  lost) first looks for the visit in PCare's list of the day: found, its ``noUrut`` is taken and
  nothing is sent again, so a visit is never registered twice. Refused on such a second attempt,
  it looks again: a slow pump's first POST may have landed in between.
- A DELETE takes the ``noUrut`` from the record when it is sent. It is queued behind its POST, so it
  goes only after PCare's answer; if PCare refused the POST there is nothing to delete and the
  DELETE is withdrawn. It is never sent with a guessed number.
- PCare's answers: 201 with ``{"field": "noUrut", "message": "A1"}`` is done; anything else is a
  refusal with PCare's words (an answer without a noUrut too). A DELETE of a registration PCare no
  longer holds (404) counts as done.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.contract import pcare
from kiosk.contract.logmask import mask_digits
from kiosk.domain.text import clean_text
from kiosk.domain.visit import VisitState
from kiosk.i18n import t
from kiosk.store import Store
from kiosk.store.models import OutboxRow, VisitRegistrationRow
from kiosk.sync.client import Answer, CentralClient, Outcome

CREATED = 201
NOT_FOUND = 404
PAGE = 100  # PCare's list of the day, read this many at a time when looking for a visit
MAX_PAGES = 50
VOID = "void"


def send(
    client: CentralClient,
    store: Store,
    item_id: int,
    kind: str,
    payload: dict[str, Any],
    attempts: int,
) -> Answer:
    """Send one PCare outbox item; the answer as the pump settles it."""
    if kind == pcare.REGISTER:
        if attempts > 1:
            found = find_registered(client, payload)
            if isinstance(found, Answer):
                return found  # PCare unreachable: try again later
            if found is not None:
                return _created(found, "found in PCare's list of the day")
        answer = read_register(client.pcare("POST", "/pendaftaran", body=payload))
        if attempts > 1 and answer.outcome == Outcome.REFUSED:
            # A slow (not dead) pump's POST may have reached PCare after the look above, so
            # PCare refuses this one as "already registered": the visit is registered, once.
            found = find_registered(client, payload)
            if isinstance(found, str):
                return _created(found, "found in PCare's list of the day after a refusal")
            if isinstance(found, Answer):
                return found  # PCare could not be asked: not a refusal yet, try again later
        return answer
    if kind == pcare.UNREGISTER:
        no_urut = _no_urut_for_delete(store, item_id)
        if no_urut is None:
            return Answer(Outcome.REFUSED, message=t("pcare.no_urut_unknown", "id"))
        answer = client.pcare("DELETE", pcare.unregister_path(payload, no_urut))
        if answer.outcome == Outcome.REFUSED and answer.code == NOT_FOUND:
            return Answer(Outcome.DONE, NOT_FOUND, answer.message)  # already gone from PCare
        return answer
    return Answer(Outcome.REFUSED, message=f"unknown outbox kind {kind!r}")


def read_register(answer: Answer) -> Answer:
    """PCare's answer to ``POST /pendaftaran``: done only with a noUrut."""
    if answer.retry:
        return answer
    no_urut = pcare.read_no_urut(answer.response)
    if no_urut is not None and (answer.ok or answer.code == CREATED):
        return _created(no_urut, answer.message)
    words = _words(answer)
    if answer.ok or answer.code == CREATED:  # "created", but no number: not a registration
        words = t("pcare.no_urut_missing", "id", message=words or f"kode {answer.code}")
    return Answer(Outcome.REFUSED, answer.code, words or f"kode {answer.code}", answer.response)


def find_registered(client: CentralClient, payload: dict[str, Any]) -> str | Answer | None:
    """The noUrut PCare holds for this card, poli and day, None when it holds none, or the
    retry answer when PCare cannot be asked now."""
    day, card, poli = payload.get("tglDaftar"), payload.get("noKartu"), payload.get("kdPoli")
    for page in range(MAX_PAGES):
        answer = client.pcare("GET", f"/pendaftaran/tglDaftar/{day}/{page * PAGE}/{PAGE}")
        if answer.retry:
            return answer
        if not answer.ok:
            return None  # an empty day answers "no data": nothing registered
        entries, total = pcare.read_registrations(answer.response)
        for entry in entries:
            if entry.card == card and entry.poli == poli and entry.no_urut:
                return entry.no_urut
        if not entries or (page + 1) * PAGE >= total:
            return None
    return None


def settle_visit(
    session: Session, item_id: int, kind: str, answer: Answer, now: datetime
) -> str | None:
    """Write PCare's answer on the visit's record, in the pump's transaction. Returns the item's
    state when it differs from the pump's usual (a refused POST of a visit being taken back is
    withdrawn, not parked: nobody will correct it)."""
    if kind == pcare.REGISTER:
        record = session.scalars(
            select(VisitRegistrationRow).where(VisitRegistrationRow.add_item_id == item_id)
        ).first()
        if record is None:
            return None
        if answer.ok:
            record.no_urut = pcare.read_no_urut(answer.response)
            record.message = None
            record.registered_at = now
            if record.state == VisitState.QUEUED:
                record.state = VisitState.REGISTERED
            record.updated_at = now
            return None
        record.message = clean_text(mask_digits(answer.message), 300) or None
        record.updated_at = now
        if record.state == VisitState.DELETING:
            # Taken back while PCare answered no: nothing to delete.
            record.state = VisitState.WITHDRAWN
            if record.delete_item_id is not None:
                session.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id == record.delete_item_id, OutboxRow.state == "pending")
                    .values(state=VOID, last_error="PCare never registered the visit")
                )
            return VOID
        record.state = VisitState.REFUSED
        return None
    if kind == pcare.UNREGISTER:
        record = session.scalars(
            select(VisitRegistrationRow).where(VisitRegistrationRow.delete_item_id == item_id)
        ).first()
        if record is None:
            return None
        record.updated_at = now
        if answer.ok:
            record.state, record.message = VisitState.DELETED, None
        else:
            record.message = clean_text(mask_digits(answer.message), 300) or None
    return None


def _no_urut_for_delete(store: Store, item_id: int) -> str | None:
    with store.read() as session:
        return session.scalar(
            select(VisitRegistrationRow.no_urut).where(
                VisitRegistrationRow.delete_item_id == item_id
            )
        )


def _created(no_urut: str, message: str) -> Answer:
    return Answer(Outcome.DONE, CREATED, message, {"field": "noUrut", "message": no_urut})


def _words(answer: Answer) -> str:
    """PCare's reasons: the metadata's message, and each ``{field, message}`` of a 412 list."""
    parts = [answer.message] if answer.message else []
    if isinstance(answer.response, list):
        for entry in answer.response:
            if isinstance(entry, dict) and entry.get("message"):
                parts.append(str(entry["message"]))
    text = "; ".join(dict.fromkeys(p for p in parts if p))
    return clean_text(mask_digits(text), 300)
