"""Who may take a JKN queue number here, and who must be sent elsewhere (with the reason)."""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.models import Participant


class Refusal(StrEnum):
    """Each value is a key in the translation table with the reason and where to get help."""

    INACTIVE = "refusal.inactive"
    ARREARS = "refusal.arrears"
    OTHER_FKTP = "refusal.other_fktp"


def check_eligibility(participant: Participant, facility_code: str) -> Refusal | None:
    """The first reason this participant cannot take a JKN number here, or None."""
    if not participant.active:
        return Refusal.INACTIVE
    if participant.arrears > 0:
        return Refusal.ARREARS
    if participant.fktp_code != facility_code:
        return Refusal.OTHER_FKTP
    return None
