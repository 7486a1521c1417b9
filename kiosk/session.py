"""What the kiosk knows about the patient in front of it; forgotten on every reset."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.domain.models import Participant, PoliDay, Slot


class Intent(StrEnum):
    TAKE = "take"
    CHECK_IN = "check_in"
    STATUS = "status"
    NON_JKN = "non_jkn"


@dataclass
class PatientSession:
    intent: Intent = Intent.TAKE
    identified: Participant | None = None
    family: list[Participant] = field(default_factory=list)
    patient: Participant | None = None  # who the number is for (None: a general patient)


@dataclass(frozen=True)
class TakeChoice:
    """What the patient chose on the way to a number; each screen passes it on to the next."""

    patient: Participant | None
    poli_day: PoliDay
    slot: Slot | None = None
    complaint: str | None = None
