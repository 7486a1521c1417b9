"""Why the central refused an item, read from its message: the desk groups refusals by cause, so
staff fix one thing (the SRK, HFIS, the quota, the participant's status) and resend the group.

The central says why in words, not codes (BPJS answers 201 with an Indonesian sentence), so the
cause is found by the words each kind of refusal uses; anything else is "other".
"""

from __future__ import annotations

from enum import StrEnum


class Cause(StrEnum):
    SRK = "srk"  # the yearly health-history screening (skrining riwayat kesehatan) is missing
    HFIS = "hfis"  # the doctor or the practice hours are not in BPJS's HFIS schedule
    QUOTA = "quota"  # the shift is full (HFIS kapasitas)
    INACTIVE = "inactive"  # the participant is not active (or unknown) at the central
    OTHER = "other"


# In this order: a full shift's message names HFIS too ("kapasitas ... di HFIS").
_WORDS: tuple[tuple[Cause, tuple[str, ...]], ...] = (
    (Cause.SRK, ("skrining riwayat kesehatan", "skrining")),
    (Cause.QUOTA, ("kuota", "kapasitas", "penuh")),
    (Cause.HFIS, ("hfis", "jadwal dokter", "jam praktik", "jadwal praktik")),
    (
        Cause.INACTIVE,
        ("tidak aktif", "nonaktif", "non aktif", "peserta tidak ditemukan", "tidak dikenal"),
    ),
)


def cause_of(message: str | None) -> Cause:
    """The cause of a refusal, from the central's message."""
    text = (message or "").casefold()
    for cause, words in _WORDS:
        if any(word in text for word in words):
            return cause
    return Cause.OTHER
