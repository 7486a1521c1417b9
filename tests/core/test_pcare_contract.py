"""PCare's participant record as the clinic reads it, and Poli Gigi's eligibility by the dental FKTP
(kdProviderGigi)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kiosk.contract.pcare import read_member
from kiosk.domain.eligibility import DENTAL_POLI, Refusal, check_eligibility, refused_at
from kiosk.domain.models import Participant

HERE, ELSEWHERE = "P3273010", "P3273020"

FULL = {
    "noKartu": "0001234567808",
    "nama": "Lina Marpaung",
    "hubunganKeluarga": "Kepala Keluarga",
    "sex": "P",
    "tglLahir": "08-11-1988",
    "tglAkhirBerlaku": "31-12-2030",
    "kdProviderPst": {"kdProvider": ELSEWHERE, "nmProvider": "Puskesmas Cibeunying"},
    "kdProviderGigi": {"kdProvider": HERE, "nmProvider": "Puskesmas Sukamaju"},
    "jnsKelas": {"kode": "2", "nama": "KELAS II"},
    "jnsPeserta": {"kode": "PBI", "nama": "PBI (APBN)"},
    "noKTP": "3273014811880008",
    "pstProl": "DM",
    "pstPrb": "",
    "aktif": True,
    "ketAktif": "AKTIF",
    "tunggakan": "0",
}


def test_every_kept_field_is_read() -> None:
    member = read_member(FULL)
    assert member is not None
    assert (member.fktp_code, member.dental_fktp_code) == (ELSEWHERE, HERE)
    assert member.dental_fktp_name == "Puskesmas Sukamaju"
    assert (member.kind_code, member.kind_name) == ("PBI", "PBI (APBN)")
    assert member.relation == "Kepala Keluarga"
    assert member.valid_until == date(2030, 12, 31)
    assert member.programmes == "PROLANIS DM"  # an empty pstPrb is no programme
    assert member.status_note == "AKTIF" and member.arrears == 0


def test_an_answer_missing_fields_degrades_to_what_is_known() -> None:
    bare = {"noKartu": "0001234567808", "nama": "Lina", "aktif": "true", "kdProviderGigi": None}
    member = read_member(bare)
    assert member is not None and member.active
    assert member.dental_fktp_code is None and member.valid_until is None
    assert member.programmes is None and member.kind_name is None and member.fktp_code == ""
    assert read_member({"nama": "no card"}) is None
    assert read_member({**FULL, "tglAkhirBerlaku": "2030-12-31", "jnsPeserta": "PBI"}) is not None


def _person(fktp: str, dental: str | None) -> Participant:
    return Participant(
        id=1,
        nik=None,
        card_number="0001234567808",
        display_name="Lina M.",
        birth_date=None,
        sex="P",
        active=True,
        arrears=0,
        fktp_code=fktp,
        fktp_name="Puskesmas Cibeunying" if fktp != HERE else "Puskesmas Sukamaju",
        dental_fktp_code=dental,
        dental_fktp_name="Klinik Gigi Sehat" if dental and dental != HERE else None,
    )


def test_poli_gigi_follows_the_dental_fktp() -> None:
    lina = _person(ELSEWHERE, HERE)
    assert check_eligibility(lina, HERE) is None  # she may use at least Poli Gigi here
    assert check_eligibility(lina, HERE, DENTAL_POLI) is None
    assert check_eligibility(lina, HERE, "001") == Refusal.OTHER_FKTP

    dental_elsewhere = _person(HERE, "K0001")
    assert check_eligibility(dental_elsewhere, HERE, "001") is None
    refusal = check_eligibility(dental_elsewhere, HERE, DENTAL_POLI)
    assert refusal == Refusal.OTHER_DENTAL
    assert refused_at(dental_elsewhere, refusal) == "Klinik Gigi Sehat"

    # No dental FKTP named: Poli Gigi follows the registered one, as before.
    plain = _person(HERE, None)
    assert check_eligibility(plain, HERE, DENTAL_POLI) is None
    assert check_eligibility(replace(plain, fktp_code=ELSEWHERE), HERE, DENTAL_POLI) == (
        Refusal.OTHER_FKTP
    )
