"""A numbered list of choices: digit keys pick, Enter takes the highlighted one, taps work too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets.option_list import Option

from kiosk.widgets.plain import OptionList, shown_text


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    detail: str = ""
    disabled: bool = False
    reason: str = ""  # shown when someone tries a disabled choice


class ChoiceList(OptionList):
    """Options numbered 1..9 (then 0 for the tenth); the number key chooses directly."""

    class _ChoiceMessage(Message):
        def __init__(self, choice_list: ChoiceList, choice: Choice) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.choice = choice

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    class Chosen(_ChoiceMessage):
        """An enabled choice was picked (digit, Enter or tap)."""

    class Refused(_ChoiceMessage):
        """A disabled choice was picked: the screen says why."""

    def __init__(
        self,
        choices: Sequence[Choice] = (),
        *,
        default: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._choices: list[Choice] = []
        self._pending_default = default
        self._initial = list(choices)

    def on_mount(self) -> None:
        self.set_choices(self._initial, default=self._pending_default)

    @property
    def choices(self) -> list[Choice]:
        return list(self._choices)

    def set_choices(self, choices: Sequence[Choice], default: str | None = None) -> None:
        self._choices = list(choices)
        self.set_options(
            Option(self._prompt(index, choice), id=choice.id)
            for index, choice in enumerate(self._choices)
        )
        target = next(
            (i for i, c in enumerate(self._choices) if c.id == default and not c.disabled), None
        )
        if target is None:
            target = next((i for i, c in enumerate(self._choices) if not c.disabled), None)
        self.highlighted = target

    @staticmethod
    def key_for(index: int) -> str:
        return str((index + 1) % 10)

    def _prompt(self, index: int, choice: Choice) -> Text:
        text = Text.assemble(
            (f" {self.key_for(index)} ", "bold reverse"), " ", (shown_text(choice.label), "bold")
        )
        if choice.detail:
            text.append(f"  {shown_text(choice.detail)}", style="dim" if choice.disabled else "")
        return text

    def choose_index(self, index: int) -> None:
        if not 0 <= index < len(self._choices):
            return
        choice = self._choices[index]
        self.highlighted = index
        if choice.disabled:
            self.post_message(self.Refused(self, choice))
        else:
            self.post_message(self.Chosen(self, choice))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit() and len(self._choices) > 0:
            digit = int(event.character)
            index = 9 if digit == 0 else digit - 1
            if index < len(self._choices):
                event.stop()
                self.choose_index(index)

    # Textual 8.2.8's OptionList pages with a line map it builds only when it renders; a page key
    # arriving between set_options() and that render raised KeyError (found by the monkey test).
    # Kiosk lists are short, so paging goes to the first or the last option.
    def action_page_up(self) -> None:
        self.action_first()

    def action_page_down(self) -> None:
        self.action_last()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose_index(event.option_index)
