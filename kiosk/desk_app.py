"""The front desk: staff sign in, pick their poli, and run its queue."""

from __future__ import annotations

from textual.binding import Binding

from kiosk.assets import assets_dir
from kiosk.domain.models import Poli
from kiosk.screens.desk.pick_poli import PickPoliScreen
from kiosk.screens.desk.sign_in import SignInScreen
from kiosk.services import Services
from kiosk.services.board_text import BoardTextService
from kiosk.services.counter import CounterMemory
from kiosk.services.desk import DeskService
from kiosk.services.report import ReportService
from kiosk.services.staff import StaffMember, StaffService
from kiosk.themes import CONTRAST_THEME, KIOSK_THEME
from kiosk.widgets.plain import App


class DeskApp(App[None]):
    CSS_PATH = [str(assets_dir() / "kiosk.tcss"), str(assets_dir() / "desk.tcss")]
    ENABLE_COMMAND_PALETTE = False
    # F2 switches the language, as on the kiosk; the queue and the report relabel themselves.
    BINDINGS = [Binding("f2", "switch_lang", show=False)]

    def __init__(self, services: Services, counter: str | None = None) -> None:
        super().__init__()
        self.services = services
        # The counter or room this desk calls to: offered at sign-in as the one this terminal
        # used last, else --counter; what the staff member signs in with is used.
        self.counters = CounterMemory(services.settings.data_dir)
        self.counter = self.counters.last() or counter
        self.desk = DeskService(services.store, services.clock, services.slips)
        self.board_text = BoardTextService(services.store, services.clock)
        self.staff = StaffService(services.store, services.clock)
        self.report = ReportService(services.store, services.clock)
        self.lang = services.settings.lang
        self.member: StaffMember | None = None
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

    def signed_in(self, member: StaffMember) -> None:
        self.member = member
        polis = self._polis()
        self.switch_screen(PickPoliScreen(polis))

    def _polis(self) -> list[Poli]:
        return self.services.clinic.desk_queues()
