"""A participant's JKN status at a glance, with numbers masked to their last four digits."""

from __future__ import annotations

from rich.text import Text

from kiosk.domain.eligibility import Refusal
from kiosk.domain.models import Participant
from kiosk.i18n import rupiah, t
from kiosk.widgets.plain import Static, Table


class StatusCard(Static):
    def show(self, participant: Participant, refusal: Refusal | None, lang: str) -> None:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        grid.add_row(t("confirm.patient", lang), participant.display_name)
        grid.add_row(t("status.card", lang), participant.masked_card)
        if participant.nik:
            grid.add_row(t("status.nik", lang), participant.masked_nik)
        active = (
            Text(t("status.active", lang), style="bold green")
            if participant.active
            else (Text(t("status.inactive", lang), style="bold red"))
        )
        grid.add_row(t("status.membership", lang), active)
        arrears = (
            Text(rupiah(participant.arrears), style="bold red")
            if participant.arrears
            else (Text(t("status.no_arrears", lang)))
        )
        grid.add_row(t("status.arrears", lang), arrears)
        grid.add_row(t("status.fktp", lang), participant.fktp_name)
        if participant.class_name:
            grid.add_row(t("status.class", lang), participant.class_name)
        if not participant.verified:
            grid.add_row(
                t("status.verification", lang),
                Text(t("status.unverified", lang), style="bold yellow"),
            )
        self.update(grid)
        self.set_class(refusal is not None, "refused")
