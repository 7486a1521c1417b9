"""The front desk: staff sign in, pick their poli, and run its queue."""

from __future__ import annotations

from textual.binding import Binding

from kiosk.assets import assets_dir
from kiosk.domain.models import Poli
from kiosk.screens.desk.pick_poli import PickPoliScreen
from kiosk.screens.desk.sign_in import SignInScreen
from kiosk.services import Services
from kiosk.services.counter import CounterMemory
from kiosk.services.staff import StaffMember
from kiosk.themes import CONTRAST_THEME, KIOSK_THEME
from kiosk.widgets.plain import App

# How often a desk out of service asks the store whether it answers again.
OUTAGE_RETRY_SECONDS = 5.0


class DeskApp(App[None]):
    CSS_PATH = [str(assets_dir() / "kiosk.tcss"), str(assets_dir() / "desk.tcss")]
    ENABLE_COMMAND_PALETTE = False
    # F2 switches the language, as on the kiosk; the queue and the report relabel themselves.
    BINDINGS = [Binding("f2", "switch_lang", show=False)]
    # Its clinic is open before it starts (the kiosk's may open behind its first screen).
    ready = True

    def __init__(
        self,
        services: Services,
        counter: str | None = None,
        *,
        retry_seconds: float = OUTAGE_RETRY_SECONDS,
    ) -> None:
        super().__init__()
        self.services = services
        # The counter or room this desk calls to: offered at sign-in as the one this terminal
        # used last, else --counter; what the staff member signs in with is used.
        self.counters = CounterMemory(services.settings.data_dir)
        self.counter = self.counters.last() or counter
        self.desk = services.desk
        self.board_text = services.board_text
        self.refusals = services.refusals
        self.staff = services.staff
        self.report = services.report
        self.lang = services.settings.lang
        self.facility_name = services.settings.facility_name
        self.member: StaffMember | None = None
        self.retry_seconds = retry_seconds
        self.outages = 0
        self.register_theme(KIOSK_THEME)
        self.register_theme(CONTRAST_THEME)
        self.theme = "kiosk-contrast" if services.settings.theme == "high-contrast" else "kiosk"

    def on_mount(self) -> None:
        self.push_screen(SignInScreen())

    async def action_switch_lang(self) -> None:
        self.lang = "en" if self.lang == "id" else "id"
        await self.screen.recompose()
        if self.screen.focused is None:
            self.screen.focus_next()

    def signed_in(self, member: StaffMember, polis: list[Poli]) -> None:
        self.member = member
        self.switch_screen(PickPoliScreen(polis))

    # -- store outage: the kiosk's policy (kiosk/screens/calls.py) ------------------------------
    @property
    def in_outage(self) -> bool:
        from kiosk.screens.out_of_service import OutOfServiceScreen

        return any(isinstance(screen, OutOfServiceScreen) for screen in self.screen_stack)

    def out_of_service(self) -> None:
        """The store failed: say so, and what to do, until it answers. Nothing is forgotten:
        the staff member stays signed in and the desk stays at its poli."""
        from kiosk.screens.out_of_service import DeskOutOfServiceScreen

        if not self.in_outage:
            self.outages += 1
            self.push_screen(DeskOutOfServiceScreen(self.retry_seconds))

    def back_in_service(self) -> None:
        """The store answers again: back to the screen that was open, which reads afresh."""
        from kiosk.screens.out_of_service import OutOfServiceScreen

        if isinstance(self.screen, OutOfServiceScreen):
            self.pop_screen()
