"""The patient kiosk: a Textual app on the clinic's services, locked down for a public hallway."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding

from kiosk.assets import assets_dir
from kiosk.first_look import FirstLook
from kiosk.i18n import Lang
from kiosk.session import PatientSession
from kiosk.themes import CONTRAST_THEME, KIOSK_THEME
from kiosk.widgets.plain import App

if TYPE_CHECKING:
    from kiosk.services import Services
    from kiosk.services.staff import ExitPin

log = logging.getLogger(__name__)

IDLE_WARNING_SECONDS = 10
# How often an out-of-service kiosk asks the store whether it answers again.
OUTAGE_RETRY_SECONDS = 5.0
# Until the clinic is open (the settings say otherwise), the settings' default.
IDLE_SECONDS_BEFORE_OPEN = 60
# What a patient can do while the clinic opens: kept, and handed on in order once it is open.
HELD_INPUT = (events.Key, events.MouseDown, events.MouseUp)


@dataclass(frozen=True)
class Opening:
    """A kiosk that shows its first screen before its clinic is open: what that screen shows,
    and how to open the clinic (called in a thread; what it raises ends the kiosk, and the
    command says it in one line)."""

    look: FirstLook
    open: Callable[[], Services]


class KioskApp(App[None]):
    """The patient kiosk. Dependencies come in through ``__init__`` so tests pass their own."""

    CSS_PATH = str(assets_dir() / "kiosk.tcss")
    ENABLE_COMMAND_PALETTE = False
    # Replace Textual's Ctrl+Q / Ctrl+C quit: leaving the kiosk is for staff, behind a PIN.
    BINDINGS = [
        Binding("ctrl+q", "ignore", show=False, priority=True),
        Binding("ctrl+c", "ignore", show=False, priority=True),
        Binding("ctrl+x", "staff_exit", show=False, priority=True),
    ]

    exit_pin: ExitPin  # set once the clinic is open (the staff exit waits for it)

    def __init__(
        self,
        services: Services | Opening,
        *,
        idle_seconds: float | None = None,
        retry_seconds: float = OUTAGE_RETRY_SECONDS,
        exit_pin: ExitPin | None = None,
    ) -> None:
        super().__init__()
        self._services: Services | None = None
        self._opening = services if isinstance(services, Opening) else None
        self._idle_seconds = idle_seconds
        self._exit_pin = exit_pin
        self.patient = PatientSession()
        self._last_input = time.monotonic()
        self._warning_open = False
        self._pump_stop = threading.Event()
        self.retry_seconds = retry_seconds
        self.outages = 0
        # Input that came before the clinic was open, and the one being handed on now.
        self._held: list[events.InputEvent] = []
        self._holding = self._opening is not None
        self._handing_on: events.InputEvent | None = None
        # Why the clinic did not open (the command says it in one line once the app is gone).
        self.start_error: Exception | None = None
        self.register_theme(KIOSK_THEME)
        self.register_theme(CONTRAST_THEME)
        if isinstance(services, Opening):
            look = services.look
            self.default_lang: Lang = look.lang
            self.lang: Lang = look.lang
            self.facility_name = look.facility_name
            self.idle_seconds = float(idle_seconds or IDLE_SECONDS_BEFORE_OPEN)
            self._use_theme(look.theme)
        else:
            self._take(services)
            self.facility_name = services.settings.facility_name

    def _take(self, services: Services, exit_pin: ExitPin | None = None) -> None:
        """The clinic is open: its settings replace the first look at them."""
        self._services = services
        settings = services.settings
        self.exit_pin = exit_pin or self._exit_guard(settings.staff_pin)
        self.default_lang = settings.lang
        self.lang = settings.lang
        self.idle_seconds = float(
            self._idle_seconds if self._idle_seconds is not None else settings.idle_seconds
        )
        self._use_theme(settings.theme)

    def _exit_guard(self, pin: str) -> ExitPin:
        """The exit PIN, hashed: the PIN in plain text stays in the settings object only."""
        from kiosk.services.staff import ExitPin

        return self._exit_pin or ExitPin(pin)

    def _use_theme(self, theme: str) -> None:
        self.theme = "kiosk-contrast" if theme == "high-contrast" else "kiosk"

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the clinic is still opening")
        return self._services

    @property
    def ready(self) -> bool:
        return self._services is not None

    async def on_mount(self) -> None:
        from kiosk.screens.welcome import WelcomeScreen

        self.set_interval(1.0, self._check_idle, name="idle")
        if self._opening is None:  # opened before the app: tests, a start without a terminal
            self.facility_name = self.services.clinic.facility().name
            self.push_screen(WelcomeScreen())
            self._start_in_service()
            return
        # The first screen first; the clinic opens in a thread once it is drawn.
        await self.push_screen(WelcomeScreen())
        self.call_after_refresh(self._open_clinic)

    def _open_clinic(self) -> None:
        self.run_worker(self._opening_clinic, thread=True, group="open-clinic", exit_on_error=False)

    def _opening_clinic(self) -> None:
        assert self._opening is not None
        try:
            services = self._opening.open()
            name = services.clinic.facility().name
            # Its slow hash here, not on the screen's loop (a tenth of a second of CPU).
            exit_pin = self._exit_guard(services.settings.staff_pin)
        except Exception as error:
            self.call_from_thread(self._not_opened, error)
            return
        self.call_from_thread(self._opened, services, name, exit_pin)

    def _not_opened(self, error: Exception) -> None:
        log.error("the clinic did not open: %s: %s", type(error).__name__, error)
        self.start_error = error
        self.exit(return_code=1)

    def _opened(self, services: Services, facility_name: str, exit_pin: ExitPin) -> None:
        shown = (self.facility_name, self.lang)
        self._take(services, exit_pin)
        self.facility_name = facility_name
        changed = shown != (self.facility_name, self.lang) or services.sync.configured
        self._start_in_service()
        self.run_worker(self._hand_on_held(changed), group="held-input", exit_on_error=False)

    def _start_in_service(self) -> None:
        if self.services.sync.configured:
            # Once the first screen is drawn: the pump's first call loads the HTTP client.
            self.call_after_refresh(self._start_pump)

    async def _hand_on_held(self, rebuild: bool) -> None:
        """What the patient typed or touched while the clinic opened, in order; each once the
        one before is handled (a key that opened a screen lets it mount first), so a fast
        typist's digits land where they would have a moment later. First, when the clinic's
        name, its language or its connectivity mark differ from the first look, Welcome again."""
        from kiosk.screens.welcome import WelcomeScreen

        if rebuild and isinstance(self.screen, WelcomeScreen):
            await self.screen.rebuild()
        while self._held:
            event = self._held.pop(0)
            self._handing_on = event
            self.post_message(event)
            await self._handled()
        self._handing_on = None
        self._holding = False

    async def _handled(self, rounds: int = 6, most: int = 40) -> None:
        """Until the app and the screen on top have gone through their queues ``rounds`` times
        (a key, the message it sends, its bubbling, a screen it pushes), and on until the
        screen on top stays the same and is mounted."""
        loop = asyncio.get_running_loop()
        for round_ in range(most):
            screen = self.screen
            waits = []
            for node in (self, *screen.walk_children(with_self=True)):
                done: asyncio.Future[None] = loop.create_future()
                if node.call_later(lambda done=done: done.done() or done.set_result(None)):
                    waits.append(done)
            if waits:
                await asyncio.wait(waits, timeout=1.0)
            if round_ >= rounds and self.screen is screen and screen.is_mounted:
                return

    def _start_pump(self) -> None:
        # The outbox drains in the background; the screens never wait for the central. A plain
        # thread, not a Textual worker: it lives as long as the app, and waiting for the
        # screens' workers to finish must not wait for it.
        if not self._pump_stop.is_set():
            threading.Thread(
                target=self.services.sync.run_pump,
                args=(self._pump_stop,),
                name="outbox-pump",
                daemon=True,
            ).start()

    def on_unmount(self) -> None:
        self._pump_stop.set()

    # -- idle reset ------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not event.is_forwarded:
            self.touch()
            if self._holding and isinstance(event, HELD_INPUT) and event is not self._handing_on:
                self._held.append(event)  # the clinic is opening: handed on once it is open
                return
        await super().on_event(event)

    def touch(self) -> None:
        """Someone is using the kiosk: restart the idle count."""
        self._last_input = time.monotonic()

    @property
    def idle_for(self) -> float:
        return time.monotonic() - self._last_input

    def _check_idle(self) -> None:
        from kiosk.screens.dialogs import IdleWarning

        if not self.screen_stack:  # the kiosk is closing: its screens are gone, a tick is not
            return
        if self.at_welcome or self._warning_open or self.in_outage:
            return
        warn_after = max(self.idle_seconds - IDLE_WARNING_SECONDS, self.idle_seconds * 0.5)
        if self.idle_for >= warn_after:
            self._warning_open = True
            remaining = max(int(self.idle_seconds - self.idle_for), 1)
            self.push_screen(IdleWarning(remaining), self._after_warning)

    def _after_warning(self, still_here: bool | None) -> None:
        self._warning_open = False
        if not still_here:
            self.reset()

    @property
    def at_welcome(self) -> bool:
        from kiosk.screens.welcome import WelcomeScreen

        return isinstance(self.screen, WelcomeScreen) and len(self.screen_stack) == 2

    def reset(self) -> None:
        """Back to Welcome, forgetting the patient: the next person sees nothing of the last."""
        from kiosk.screens.welcome import WelcomeScreen

        self.patient = PatientSession()
        language_changed = self.lang != self.default_lang
        self.lang = self.default_lang
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if language_changed and isinstance(self.screen, WelcomeScreen):
            self.call_later(self.screen.rebuild)
        self.touch()

    # -- store outage ------------------------------------------------------------------------
    @property
    def in_outage(self) -> bool:
        from kiosk.screens.out_of_service import OutOfServiceScreen

        return any(isinstance(screen, OutOfServiceScreen) for screen in self.screen_stack)

    def out_of_service(self) -> None:
        """The store failed: send patients to the desk until it answers (reset() ends it)."""
        from kiosk.screens.out_of_service import OutOfServiceScreen

        if not self.in_outage:
            self.outages += 1
            self.patient = PatientSession()  # whatever was chosen is gone with the store
            self.push_screen(OutOfServiceScreen(self.retry_seconds))

    def back_in_service(self) -> None:
        """The store answers again: start over at Welcome."""
        self.reset()

    # -- language ---------------------------------------------------------------------------
    def toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "id" else "id"

    # -- staff --------------------------------------------------------------------------------
    def action_ignore(self) -> None:
        """Swallow the usual quit keys."""

    def action_staff_exit(self) -> None:
        from kiosk.screens.dialogs import StaffExit

        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        self.push_screen(StaffExit(self.exit_pin), leave)
