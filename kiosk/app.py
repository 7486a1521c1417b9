"""The patient kiosk: a Textual app on the clinic's services, locked down for a public hallway."""

from __future__ import annotations

import threading
import time

from textual import events
from textual.binding import Binding

from kiosk.assets import assets_dir
from kiosk.i18n import Lang
from kiosk.services import Services
from kiosk.services.staff import ExitPin
from kiosk.session import PatientSession
from kiosk.themes import CONTRAST_THEME, KIOSK_THEME
from kiosk.widgets.plain import App

IDLE_WARNING_SECONDS = 10
# How often an out-of-service kiosk asks the store whether it answers again.
OUTAGE_RETRY_SECONDS = 5.0


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

    def __init__(
        self,
        services: Services,
        *,
        idle_seconds: float | None = None,
        retry_seconds: float = OUTAGE_RETRY_SECONDS,
        exit_pin: ExitPin | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        settings = services.settings
        # Hashed at once: the PIN in plain text stays in the settings object only.
        self.exit_pin = exit_pin or ExitPin(settings.staff_pin)
        self.default_lang: Lang = settings.lang
        self.lang: Lang = settings.lang
        self.idle_seconds = float(
            idle_seconds if idle_seconds is not None else settings.idle_seconds
        )
        self.patient = PatientSession()
        self.facility_name = settings.facility_name
        self._last_input = time.monotonic()
        self._warning_open = False
        self._pump_stop = threading.Event()
        self.retry_seconds = retry_seconds
        self.outages = 0
        self.register_theme(KIOSK_THEME)
        self.register_theme(CONTRAST_THEME)
        self.theme = "kiosk-contrast" if settings.theme == "high-contrast" else "kiosk"

    def on_mount(self) -> None:
        from kiosk.screens.welcome import WelcomeScreen

        self.facility_name = self.services.clinic.facility().name
        self.push_screen(WelcomeScreen())
        self.set_interval(1.0, self._check_idle, name="idle")
        if self.services.sync.configured:
            # Once the first screen is drawn: the pump's first call loads httpx.
            self.call_after_refresh(self._start_pump)

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
        await super().on_event(event)

    def touch(self) -> None:
        """Someone is using the kiosk: restart the idle count."""
        self._last_input = time.monotonic()

    @property
    def idle_for(self) -> float:
        return time.monotonic() - self._last_input

    def _check_idle(self) -> None:
        from kiosk.screens.dialogs import IdleWarning

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
