"""Who a family member is to the person at the kiosk.

The family card (KK) records each member's relation to the head of the family ("Istri",
"Anak"), not to each other: on Budi's screen his mother is not "Istri". We name the relation
from the card holder's point of view when the card allows it, and otherwise keep the card's own
word (shown as such).
"""

from __future__ import annotations

from kiosk.domain.models import Participant

HEAD = "Kepala Keluarga"
SPOUSES = frozenset({"Istri", "Suami"})
CHILD = "Anak"


def _parent(person: Participant) -> str:
    if person.sex == "P":
        return "Ibu"
    if person.sex == "L":
        return "Ayah"
    return "Orang Tua"


def _spouse(person: Participant) -> str:
    return "Istri" if person.sex == "P" else "Suami"


def relation_to(viewer: Participant, other: Participant) -> str | None:
    """``other``'s relation to ``viewer`` in the card's words, or None when the card cannot say."""
    mine, theirs = viewer.relation, other.relation
    if mine is None or theirs is None:
        return None
    parents = SPOUSES | {HEAD}
    if mine == CHILD and theirs in parents:
        return _parent(other)
    if mine in parents and theirs == CHILD:
        return CHILD
    if mine == CHILD and theirs == CHILD:
        return "Saudara"
    if mine in parents and theirs in parents and mine != theirs:
        return _spouse(other)
    return None
