"""Welcome: what the patient came to do, and the language toggle."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical

from kiosk.screens.base import KioskScreen
from kiosk.session import Intent, PatientSession
from kiosk.widgets.choices import Choice, ChoiceList
from kiosk.widgets.plain import Button, Static


class WelcomeScreen(KioskScreen):
    BINDINGS = [Binding("f2", "toggle_lang", show=False), Binding("escape", "noop", show=False)]

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Vertical(id="body"):
            yield Static(self.t("welcome.greeting"), id="greeting")
            yield Static(self.t("welcome.prompt"), classes="prompt")
            yield ChoiceList(
                [
                    Choice(Intent.TAKE.value, self.t("welcome.take")),
                    Choice(Intent.CHECK_IN.value, self.t("welcome.checkin")),
                    Choice(Intent.STATUS.value, self.t("welcome.status")),
                    Choice(Intent.NON_JKN.value, self.t("welcome.non_jkn")),
                ],
                id="intents",
            )
            with Center():
                yield Button(f"F2  {self.t('welcome.language')}", id="language")
            yield Static(self.t("welcome.help"), classes="help")
        yield from self.compose_hint()

    def on_screen_resume(self) -> None:
        self.query_one(ChoiceList).focus()

    def action_noop(self) -> None:
        """Nowhere to go back to from Welcome."""

    async def rebuild(self) -> None:
        """Compose again in the current language, keeping the keyboard on the choices."""
        await self.recompose()
        if not self.on_stack:  # left while it recomposed
            return
        self.query_one(ChoiceList).focus()

    @on(Button.Pressed, "#language")
    async def action_toggle_lang(self) -> None:
        self.kiosk.toggle_lang()
        await self.rebuild()

    @on(ChoiceList.Chosen, "#intents")
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        from kiosk.screens.identify import IdentifyScreen
        from kiosk.screens.poli import PoliScreen

        intent = Intent(event.choice.id)
        self.kiosk.patient = PatientSession(intent=intent)
        if intent == Intent.NON_JKN:
            self.app.push_screen(PoliScreen())
        else:
            self.app.push_screen(IdentifyScreen())
