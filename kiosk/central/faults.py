"""Misbehaving on purpose, for drills: slow answers, 500s, invalid JSON, or down altogether.

Every public request draws two numbers from one random generator, in arrival order, so a seeded
run answers the same sequence of faults every time.
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True)
class FaultSettings:
    fail_rate: float = 0.0  # answer HTTP 500 before doing anything
    delay_ms: int = 0  # wait this long before every answer
    bad_json_rate: float = 0.0  # do the work, then answer a truncated JSON body
    down: bool = False  # answer HTTP 503 to everything but the admin calls
    seed: int | None = None


@dataclass(frozen=True)
class Draw:
    """What to do to one request."""

    delay_ms: int
    down: bool
    fail: bool
    bad_json: bool


class FaultSwitch:
    """The faults in force, changed at run time by ``POST /admin/faults``."""

    def __init__(self, settings: FaultSettings | None = None) -> None:
        self._lock = threading.Lock()
        self._settings = settings or FaultSettings()
        self._random = random.Random(self._settings.seed)

    @property
    def settings(self) -> FaultSettings:
        return self._settings

    def change(self, **changes: object) -> FaultSettings:
        """Set the given switches, keep the rest; a new seed restarts the sequence."""
        with self._lock:
            values = asdict(self._settings)
            values.update({k: v for k, v in changes.items() if v is not None})
            self._settings = FaultSettings(**values)
            if changes.get("seed") is not None:
                self._random = random.Random(self._settings.seed)
            return self._settings

    def draw(self) -> Draw:
        with self._lock:
            current = self._settings
            fail_roll, bad_json_roll = self._random.random(), self._random.random()
        return Draw(
            delay_ms=current.delay_ms,
            down=current.down,
            fail=fail_roll < current.fail_rate,
            bad_json=bad_json_roll < current.bad_json_rate,
        )


class Faults(BaseModel):
    """``POST /admin/faults`` (drills only, not part of the contract): fields left out stay."""

    model_config = ConfigDict(extra="forbid")

    fail_rate: Annotated[float, Field(ge=0, le=1)] | None = None
    delay_ms: Annotated[int, Field(ge=0, le=120_000)] | None = None
    bad_json_rate: Annotated[float, Field(ge=0, le=1)] | None = None
    down: bool | None = None
    seed: int | None = None
