"""Who may take a JKN queue number here, and who must be sent elsewhere (with the reason)."""

from __future__ import annotations

from enum import StrEnum

from kiosk.domain.models import Participant

# BPJS's Antrean FKTP code of Poli Gigi: its eligibility follows the dental FKTP (kdProviderGigi).
DENTAL_POLI = "002"


class Refusal(StrEnum):
    """Each value is a key in the translation table with the reason and where to get help."""

    INACTIVE = "refusal.inactive"
    ARREARS = "refusal.arrears"
    OTHER_FKTP = "refusal.other_fktp"
    OTHER_DENTAL = "refusal.other_dental"


def check_eligibility(
    participant: Participant, facility_code: str, poli_code: str | None = None
) -> Refusal | None:
    """The first reason this participant cannot take a JKN number here, or None.

    PCare names a dental FKTP (``kdProviderGigi``) that can differ from the registered one: Poli
    Gigi follows it when it is set, every other poli the registered FKTP. Before a poli is chosen
    (``poli_code`` None) a participant who may use at least one poli here passes."""
    if not participant.active:
        return Refusal.INACTIVE
    if participant.arrears > 0:
        return Refusal.ARREARS
    dental = participant.dental_fktp_code or participant.fktp_code
    if poli_code is None:
        if facility_code not in (participant.fktp_code, dental):
            return Refusal.OTHER_FKTP
        return None
    if poli_code == DENTAL_POLI and participant.dental_fktp_code:
        return None if dental == facility_code else Refusal.OTHER_DENTAL
    if participant.fktp_code != facility_code:
        return Refusal.OTHER_FKTP
    return None


def refused_at(participant: Participant, refusal: Refusal) -> str:
    """The FKTP a refusal sends the participant to."""
    if refusal == Refusal.OTHER_DENTAL:
        return participant.dental_fktp_name or participant.dental_fktp_code or ""
    return participant.fktp_name
