"""The one policy for a screen's service calls, at the kiosk and at the desk.

A blocking call runs in a thread worker and its answer comes back on the UI thread. A refusal is
said on the screen; a store that cannot be reached or written takes the whole face out of service
until the store answers again; anything else is logged and said as a fault. An answer is stale,
and goes nowhere, when its screen has left the stack (the kiosk reset meanwhile) or when the face
went out of service after the call began (the store may have changed without us since).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

from textual.screen import Screen

from kiosk.i18n import t
from kiosk.services.errors import Refused

log = logging.getLogger(__name__)
T = TypeVar("T")


class OutageHost(Protocol):
    """What the policy needs of an app (the kiosk's or the desk's)."""

    lang: str
    outages: int  # how often the face went out of service: an answer from before is stale

    @property
    def in_outage(self) -> bool: ...

    def out_of_service(self) -> None: ...

    def back_in_service(self) -> None: ...


class ServiceScreen(Screen[None]):
    """A screen whose service calls follow the policy above."""

    FAULT_KEY = "error.store"  # what a fault that is not the store's says on this face

    @property
    def face(self) -> OutageHost:
        return cast(OutageHost, self.app)

    @property
    def on_stack(self) -> bool:
        """Still part of the app: keys that arrive fast can pop a screen before it mounts."""
        return self.is_attached and self in self.app.screen_stack

    def say(self, message: str) -> None:
        """Where this screen says a refusal or a fault (screens with a message line override)."""
        self.notify(message, severity="error", timeout=8)

    def refusal_text(self, refusal: Refused) -> str:
        return t(refusal.key, self.face.lang, **refusal.params)

    def _deliver(self, then: Callable[[T], Any], result: T, outages: int) -> None:
        if self.on_stack and outages == self.face.outages:
            then(result)

    def call_service(
        self, work: Callable[[], T], then: Callable[[T], Any], group: str = "service"
    ) -> None:
        """Run a blocking service call in a thread; ``then`` gets its result on the UI thread.

        While the face is out of service no call starts: only the outage screen asks the store.
        The screen never shows a traceback.
        """
        if self.face.in_outage:
            return
        outages = self.face.outages

        def runner() -> None:
            try:
                result = work()
            except Refused as refusal:
                self.app.call_from_thread(self._say_current, refusal, outages)
                return
            except Exception as error:
                # Here, not at the top: the kiosk's first screen is up before SQLAlchemy loads.
                from kiosk.services.health import is_store_fault

                if is_store_fault(error):
                    log.error("store unavailable on %s: %s", type(self).__name__, error)
                    self.app.call_from_thread(self.face.out_of_service)
                    return
                log.exception("service call failed on %s", type(self).__name__)
                self.app.call_from_thread(self._deliver, self.say, self._fault(), outages)
                return
            self.app.call_from_thread(self._deliver, then, result, outages)

        self.run_worker(runner, thread=True, exclusive=True, group=group, exit_on_error=False)

    def _say_current(self, refusal: Refused, outages: int) -> None:
        # Worded on the UI thread, in the language chosen by then.
        self._deliver(self.say, self.refusal_text(refusal), outages)

    def _fault(self) -> str:
        return t(self.FAULT_KEY, self.face.lang)
