"""The slip and the screen agree: the same words for who is ahead, and the slip code printed."""

from __future__ import annotations

from dataclasses import replace

from kiosk.i18n import people_ahead
from kiosk.services import Services
from kiosk.slip.render import render_slip


def test_people_ahead_has_proper_plurals() -> None:
    assert people_ahead(0, "id") == "Tidak ada yang di depan Anda"
    assert people_ahead(1, "en") == "1 person ahead of you"
    assert people_ahead(2, "en") == "2 people ahead of you"
    assert people_ahead(3, "id") == "3 orang di depan Anda"


def test_slip_says_what_the_screen_says_and_prints_the_code(services: Services) -> None:
    from kiosk.services.tickets import TakeRequest

    day = services.clinic.poli_day("001", services.clock.today())
    ticket = services.tickets.take(
        TakeRequest("001", day.service_date, day.slots[0].schedule_id, None)
    ).ticket
    position = services.tickets.position(ticket.id)
    for lang in ("id", "en"):
        slip = services.slips.slip_for(position, lang)
        for n in (0, 1, 5):
            assert slip.labels.people_ahead(n) == people_ahead(n, lang)
        assert slip.labels.code
        without_code = render_slip(replace(slip, labels=replace(slip.labels, code="")))
        assert render_slip(slip).height > without_code.height  # the code's lines are printed
