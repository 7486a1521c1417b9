"""A participant's JKN status at a glance, with numbers masked to their last four digits."""

from __future__ import annotations

from rich.text import Text

from kiosk.domain.eligibility import Refusal
from kiosk.domain.models import Participant
from kiosk.i18n import rupiah, t, term
from kiosk.widgets.plain import Static, Table


class StatusCard(Static):
    def show(self, participant: Participant, refusal: Refusal | None, lang: str) -> None:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        # Room for a whole masked NIK (16 characters): a number is never cut.
        grid.add_column(min_width=16)
        grid.add_row(t("confirm.patient", lang), Text(participant.display_name))
        grid.add_row(t("status.card", lang), participant.masked_card)
        if participant.nik:
            grid.add_row(t("status.nik", lang), participant.masked_nik)
        # Arrears suspend the membership: one word for it here, at the desk and on the slip.
        active = participant.active and not participant.arrears
        grid.add_row(
            t("status.membership", lang),
            Text(t("status.active", lang), style="bold green")
            if active
            else Text(t("status.inactive", lang), style="bold red"),
        )
        if participant.arrears:
            grid.add_row(
                t("status.arrears", lang), Text(rupiah(participant.arrears), style="bold red")
            )
        grid.add_row(t("status.fktp", lang), Text(participant.fktp_name))
        if participant.class_name:
            grid.add_row(t("status.class", lang), term("class", participant.class_name, lang))
        if not participant.verified:
            grid.add_row(
                t("status.verification", lang),
                Text(t("status.unverified", lang), style="bold yellow"),
            )
        self.update(grid)
        self.set_class(refusal is not None, "refused")
