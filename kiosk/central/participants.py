"""Loading participants into the central's registry from a CSV file (``kiosk central
load-participants``).

The header row names the columns with PCare's field names (nested ones with a dot):

- required: ``noKartu`` (13 digits), ``nama``, ``sex`` (L/P), ``tglLahir`` (dd-mm-yyyy),
  ``noKTP`` (the NIK, 16 digits), ``aktif`` (true/false, ya/tidak, 1/0);
- optional: ``ketAktif`` (default AKTIF / TIDAK AKTIF), ``tunggakan`` (rupiah owed, default 0),
  ``kdProviderPst.kdProvider`` and ``kdProviderPst.nmProvider`` (default: this facility),
  ``jnsKelas.kode`` and ``jnsKelas.nama`` (default 3, KELAS III), ``jnsPeserta.kode`` and
  ``jnsPeserta.nama`` (default PBI).

A row for a card already known replaces it. Bad rows are reported with their line number and
skipped; the good ones are kept.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from kiosk.central.db import DEMO_KIND, CentralDatabase, CentralParticipant
from kiosk.i18n import t

REQUIRED = ("noKartu", "nama", "sex", "tglLahir", "noKTP", "aktif")
OPTIONAL = (
    "ketAktif",
    "tunggakan",
    "kdProviderPst.kdProvider",
    "kdProviderPst.nmProvider",
    "jnsKelas.kode",
    "jnsKelas.nama",
    "jnsPeserta.kode",
    "jnsPeserta.nama",
)
_TRUE = {"true", "1", "ya", "y", "yes"}
_FALSE = {"false", "0", "tidak", "n", "no"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class LoadReport:
    loaded: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


class CsvError(ValueError):
    """The file as a whole cannot be loaded (unreadable, no header, missing columns)."""


class _BadRow(ValueError):
    pass


def load_participants(
    database: CentralDatabase,
    path: Path,
    facility_code: str,
    facility_name: str,
    lang: str = "id",
    today: date | None = None,
) -> LoadReport:
    today = today or date.today()
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
            header = list(rows[0].keys()) if rows else _header(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CsvError(t("central.csv.unreadable", lang, path=path, why=exc)) from None
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise CsvError(t("central.csv.columns", lang, names=", ".join(missing)))
    report = LoadReport()
    seen_cards: set[str] = set()
    with database.write() as session:
        for line, row in enumerate(rows, start=2):  # line 1 is the header
            try:
                person = _participant(row, facility_code, facility_name, lang, today)
                if person.card in seen_cards:
                    raise _BadRow(t("central.csv.repeat", lang, field="noKartu"))
                other = session.scalars(
                    select(CentralParticipant.card).where(CentralParticipant.nik == person.nik)
                ).first()
                if other is not None and other != person.card:
                    raise _BadRow(t("central.csv.nik_taken", lang))
            except _BadRow as problem:
                report.problems.append((line, str(problem)))
                continue
            seen_cards.add(person.card)
            session.merge(person)
            session.flush()
            report.loaded += 1
    return report


def _header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return next(csv.reader(handle), [])


def _participant(
    row: dict[str, str | None], code: str, name: str, lang: str, today: date
) -> CentralParticipant:
    def value(column: str, default: str = "") -> str:
        given = row.get(column)
        text = (given or "").strip()
        if _CONTROL.search(text) or len(text) > 100:
            raise _BadRow(t("central.csv.text", lang, field=column))
        return text or default

    card = value("noKartu")
    if not re.fullmatch(r"[0-9]{13}", card):
        raise _BadRow(t("central.csv.format", lang, field="noKartu", rule="13 digit"))
    nik = value("noKTP")
    if not re.fullmatch(r"[0-9]{16}", nik):
        raise _BadRow(t("central.csv.format", lang, field="noKTP", rule="16 digit"))
    full_name = value("nama")
    if not full_name:
        raise _BadRow(t("central.csv.missing", lang, field="nama"))
    sex = value("sex").upper()
    if sex not in ("L", "P"):
        raise _BadRow(t("central.csv.format", lang, field="sex", rule="L/P"))
    try:
        born = datetime.strptime(value("tglLahir"), "%d-%m-%Y").date()
    except ValueError:
        raise _BadRow(t("central.csv.format", lang, field="tglLahir", rule="dd-mm-yyyy")) from None
    if born > today:
        raise _BadRow(t("central.csv.future", lang, field="tglLahir"))
    active_text = value("aktif").lower()
    if active_text not in _TRUE | _FALSE:
        raise _BadRow(t("central.csv.format", lang, field="aktif", rule="true/false"))
    active = active_text in _TRUE
    arrears_text = value("tunggakan", "0")
    if not re.fullmatch(r"[0-9]{1,12}", arrears_text):
        raise _BadRow(t("central.csv.format", lang, field="tunggakan", rule="0, 1, 2, ..."))
    return CentralParticipant(
        card=card,
        nik=nik,
        name=full_name,
        sex=sex,
        born=born,
        active=active,
        status_text=value("ketAktif", "AKTIF" if active else "TIDAK AKTIF"),
        arrears=int(arrears_text),
        provider_code=value("kdProviderPst.kdProvider", code),
        provider_name=value("kdProviderPst.nmProvider", name),
        class_code=value("jnsKelas.kode", "3"),
        class_name=value("jnsKelas.nama", "KELAS III"),
        kind_code=value("jnsPeserta.kode", DEMO_KIND[0]),
        kind_name=value("jnsPeserta.nama", DEMO_KIND[1]),
    )
