"""Vital signs measured at the registration counter, sent with a PCare visit registration.

Each is optional: 0 means "not measured" (PCare's own convention for ``/pendaftaran``). A value
that is given must be plausible for a person, so a slip of the finger (1200 for 120) is caught at
the desk, with the field and its range named, before anything is saved. Pure: no UI, no DB.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

# Field name -> (lowest, highest, decimals allowed). Ranges are wide on purpose: they catch typing
# errors, not illness (a newborn weighs 1 kg, a hypertensive crisis reaches 250 mmHg).
RANGES: dict[str, tuple[float, float, bool]] = {
    "sistole": (40, 300, False),
    "diastole": (20, 200, False),
    "weight": (0.5, 400, True),
    "height": (20, 250, True),
    "waist": (20, 250, True),
    "breathing_rate": (4, 80, False),
    "heart_rate": (20, 250, False),
}
FIELDS = tuple(RANGES)
# Translation keys of the field names (for the desk's message and the form's labels).
FIELD_KEYS = {name: f"vitals.field.{name}" for name in FIELDS}


class VitalsError(ValueError):
    """A value the desk typed cannot be sent. ``key`` is a translation key; ``field`` names the
    field (a key of :data:`RANGES`), ``params`` fill the message (``low``, ``high``, ``value``)."""

    def __init__(self, key: str, field: str, **params: object) -> None:
        super().__init__(f"{key}: {field} {params}")
        self.key = key
        self.field = field
        self.params = params


@dataclass(frozen=True)
class Vitals:
    """Blood pressure (mmHg), weight (kg), height and waist (cm), breathing and heart rate (per
    minute). 0: not measured."""

    sistole: int = 0
    diastole: int = 0
    weight: float = 0
    height: float = 0
    waist: float = 0
    breathing_rate: int = 0
    heart_rate: int = 0

    def __post_init__(self) -> None:
        for name in FIELDS:
            check_value(name, getattr(self, name))
        if self.sistole and self.diastole and self.diastole >= self.sistole:
            raise VitalsError("vitals.err.pressure", "diastole", value=self.diastole)

    @property
    def measured(self) -> bool:
        return any(getattr(self, name) for name in FIELDS)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Vitals:
        """What the store kept (always checked when it was written); unknown keys are ignored."""
        data = data or {}
        return cls(**{name: data[name] for name in FIELDS if data.get(name) is not None})


def check_value(name: str, value: float) -> None:
    """0 (not measured) or a plausible value; raises :class:`VitalsError`."""
    low, high, decimals = RANGES[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise VitalsError("vitals.err.number", name, value=value)
    if value == 0:
        return
    if not decimals and value != int(value):
        raise VitalsError("vitals.err.whole", name, value=_shown(value))
    if not low <= value <= high:
        raise VitalsError(
            "vitals.err.range", name, value=_shown(value), low=_shown(low), high=_shown(high)
        )


def parse_vitals(form: dict[str, str | None]) -> Vitals:
    """The desk's form, as typed: empty or "0" is not measured; a decimal comma is a point
    (Indonesian writes 55,5 kg). Unknown fields are refused (a programming error, named)."""
    unknown = sorted(set(form) - set(FIELDS))
    if unknown:
        raise VitalsError("vitals.err.unknown", unknown[0])
    values: dict[str, Any] = {}
    for name in FIELDS:
        values[name] = parse_value(name, form.get(name))
    return Vitals(**values)


def parse_value(name: str, text: str | None) -> int | float:
    """One field of the form: a number in range, or 0 when left empty."""
    decimals = RANGES[name][2]
    cleaned = (text or "").strip().replace(",", ".")
    if not cleaned:
        return 0
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise VitalsError("vitals.err.number", name, value=cleaned[:12]) from None
    if not number.is_finite():
        raise VitalsError("vitals.err.number", name, value=cleaned[:12])
    if not decimals and number != number.to_integral_value():
        raise VitalsError("vitals.err.whole", name, value=cleaned[:12])
    value: int | float = float(round(number, 1)) if decimals else int(number)
    if value != 0:
        check_value(name, value)
    return value


NOT_MEASURED = Vitals()


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
