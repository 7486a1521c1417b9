"""Each of the six calls, in process (httpx against the ASGI app): answers, figures and refusals."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import delete, select

from kiosk.contract.faskes import ContractAnswer
from kiosk.domain.models import TicketSource, TicketStatus
from kiosk.services import Services
from kiosk.services.desk import DeskService
from kiosk.services.tickets import TakeRequest
from kiosk.store.models import OutboxRow, ParticipantRow, ScheduleRow
from kiosk.web.auth import TokenKeeper, signing_key
from tests.conftest import MovableClock
from tests.demo_ids import (
    AGUS_CARD,
    AGUS_NIK,
    BUDI_CARD,
    BUDI_NIK,
    DEWI_CARD,
    DEWI_NIK,
    RINA_CARD,
    RUDI_CARD,
    RUDI_NIK,
    SITI_CARD,
)
from tests.web.phone import (
    PASSWORD,
    TODAY,
    USERNAME,
    booking,
    cancellation,
    code_of,
    desk_calls,
    message_of,
    patient,
    set_quota,
    ticket_rows,
    token_headers,
)

TOMORROW = TODAY + timedelta(days=1)
STATUS = f"/v2/antrean/status/001/{TODAY}"
SISA = f"/antrean/sisapeserta/{SITI_CARD}/001/{TODAY}"


# -- GET /auth -------------------------------------------------------------------------------


async def test_auth_gives_a_jwt_that_lives_the_configured_time(phone: httpx.AsyncClient) -> None:
    answer = await phone.get("/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
    assert answer.json()["metadata"] == {"code": 200, "message": "Ok"}
    token = answer.json()["response"]["token"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["sub"] == USERNAME
    assert claims["exp"] - claims["iat"] == 300
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


@pytest.mark.parametrize(
    ("sent", "says"),
    [
        ({"x-username": USERNAME, "x-password": "salah"}, "tidak sesuai"),
        ({"x-username": "orang-lain", "x-password": PASSWORD}, "tidak sesuai"),
        ({"x-username": USERNAME}, "wajib dikirim"),
        ({}, "wajib dikirim"),
    ],
)
async def test_auth_refuses_wrong_or_missing_credentials(
    phone: httpx.AsyncClient, sent: dict[str, str], says: str
) -> None:
    answer = await phone.get("/auth", headers=sent)
    assert code_of(answer) == 201
    assert says in message_of(answer)
    assert "response" not in answer.json()


# -- tokens on every other call --------------------------------------------------------------


async def test_every_call_needs_a_token(phone: httpx.AsyncClient, services: Services) -> None:
    calls = [
        phone.get(STATUS),
        phone.post("/antrean", json=booking()),
        phone.get(SISA),
        phone.put("/antrean/batal", json=cancellation()),
        phone.post("/peserta", json=patient()),
    ]
    for call in calls:
        answer = await call
        assert code_of(answer) == 201
        assert "Token tidak ditemukan" in message_of(answer)
    assert len(ticket_rows(services)) == 1  # only the demo's booking for Rina


async def test_a_token_expires_after_its_lifetime(
    phone: httpx.AsyncClient, headers: dict[str, str], clock_source: MovableClock
) -> None:
    clock_source.instant += timedelta(seconds=299)
    assert code_of(await phone.get(STATUS, headers=headers)) == 200
    clock_source.instant += timedelta(seconds=1)
    answer = await phone.get(STATUS, headers=headers)
    assert code_of(answer) == 201
    assert "kedaluwarsa" in message_of(answer)
    fresh = await phone.get("/auth", headers={"x-username": USERNAME, "x-password": PASSWORD})
    renewed = {**headers, "x-token": fresh.json()["response"]["token"]}
    assert code_of(await phone.get(STATUS, headers=renewed)) == 200


@pytest.mark.parametrize(
    ("token", "username", "says"),
    [
        ("bukan-token", USERNAME, "tidak valid"),
        (jwt.encode({"sub": USERNAME, "exp": 4_000_000_000}, "x" * 32), USERNAME, "tidak valid"),
        (None, "orang-lain", "tidak sesuai dengan username"),
        (None, "", "Token tidak ditemukan"),
    ],
)
async def test_forged_or_foreign_tokens_are_refused(
    phone: httpx.AsyncClient,
    headers: dict[str, str],
    token: str | None,
    username: str,
    says: str,
) -> None:
    sent = {"x-token": token or headers["x-token"], "x-username": username}
    answer = await phone.get(STATUS, headers=sent)
    assert code_of(answer) == 201
    assert says in message_of(answer)


async def test_a_token_with_alg_none_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    claims = jwt.decode(headers["x-token"], options={"verify_signature": False})
    unsigned = jwt.encode(claims, key=None, algorithm="none")
    answer = await phone.get(STATUS, headers={**headers, "x-token": unsigned})
    assert code_of(answer) == 201
    assert "tidak valid" in message_of(answer)


SECRET = "s" * 32  # the shortest secret the settings accept


def _keeper(services: Services, password: str) -> TokenKeeper:
    return TokenKeeper(USERNAME, password, 300, SECRET, services.clock)


async def test_a_token_that_lives_longer_than_we_issue_is_refused(services: Services) -> None:
    """Signed with the configured secret and the current password (as a leaked secret would
    allow), but for ten years: refused. So is one 'issued' in the future."""
    keeper = _keeper(services, PASSWORD)
    now = int(services.clock.utcnow().timestamp())
    key = signing_key(SECRET.encode(), PASSWORD)
    for iat, exp in ((now, now + 10 * 365 * 86400), (now + 3600, now + 3600 + 300)):
        token = jwt.encode({"sub": USERNAME, "iat": iat, "exp": exp}, key, algorithm="HS256")
        with pytest.raises(ContractAnswer, match="tidak valid"):
            keeper.check(token, USERNAME)
    fair = jwt.encode({"sub": USERNAME, "iat": now, "exp": now + 300}, key, algorithm="HS256")
    keeper.check(fair, USERNAME)  # one that lives what we issue is fine
    no_iat = jwt.encode({"sub": USERNAME, "exp": now + 300}, key, algorithm="HS256")
    with pytest.raises(ContractAnswer, match="tidak valid"):
        keeper.check(no_iat, USERNAME)


async def test_changing_the_password_ends_the_tokens_issued_before(services: Services) -> None:
    old = _keeper(services, PASSWORD)
    token = old.issue(USERNAME, PASSWORD)
    old.check(token, USERNAME)
    rotated = _keeper(services, "a-new-password-1357")  # same secret, new password
    with pytest.raises(ContractAnswer, match="tidak valid"):
        rotated.check(token, USERNAME)
    rotated.check(rotated.issue(USERNAME, "a-new-password-1357"), USERNAME)


# -- GET /antrean/status ---------------------------------------------------------------------


async def test_status_lists_each_doctor_and_shift_with_the_contract_fields(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    answer = await phone.get(STATUS, headers=headers)
    assert answer.json()["metadata"] == {"code": 200, "message": "Ok"}
    shifts = answer.json()["response"]
    assert [list(s) for s in shifts] == [
        [
            "namapoli",
            "totalantrean",
            "sisaantrean",
            "antreanpanggil",
            "keterangan",
            "kodedokter",
            "namadokter",
            "jampraktek",
        ]
    ] * 3
    assert [(s["kodedokter"], s["jampraktek"]) for s in shifts] == [
        (101, "00:00-12:00"),
        (102, "00:00-12:00"),
        (102, "12:00-23:59"),
    ]
    assert shifts[0] | {"keterangan": ""} == {
        "namapoli": "Umum",
        "totalantrean": 0,
        "sisaantrean": 0,
        "antreanpanggil": "-",
        "keterangan": "",
        "kodedokter": 101,
        "namadokter": "dr. Andi Wijaya",
        "jampraktek": "00:00-12:00",
    }
    assert shifts[0]["keterangan"] == "Sisa kuota 40"


async def test_status_counts_follow_bookings_walk_ins_and_the_desk(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    walk_in = services.tickets.take(TakeRequest("001", TODAY, _schedule(services, 101, "00:00")))
    assert walk_in.ticket.number == "A-002"
    desk_calls(services, "A-001")
    first = (await phone.get(STATUS, headers=headers)).json()["response"][0]
    assert (first["totalantrean"], first["sisaantrean"], first["antreanpanggil"]) == (2, 1, "A-001")
    assert first["keterangan"] == "Sisa kuota 38"
    desk_calls(services, "A-001", TicketStatus.SERVED)
    first = (await phone.get(STATUS, headers=headers)).json()["response"][0]
    assert first["antreanpanggil"] == "A-001"  # shown until the desk calls the next one
    second = (await phone.get(STATUS, headers=headers)).json()["response"][1]
    assert (second["totalantrean"], second["sisaantrean"], second["antreanpanggil"]) == (0, 0, "-")


async def test_status_marks_full_and_finished_shifts(
    phone: httpx.AsyncClient,
    headers: dict[str, str],
    services: Services,
    clock_source: MovableClock,
) -> None:
    set_quota(services, "001", 101, 1)
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    shifts = (await phone.get(STATUS, headers=headers)).json()["response"]
    assert shifts[0]["keterangan"] == "Kuota penuh"
    clock_source.instant += timedelta(hours=4)  # 13:00: the morning shifts are over
    headers = await token_headers(phone)
    shifts = (await phone.get(STATUS, headers=headers)).json()["response"]
    assert [s["keterangan"] for s in shifts] == [
        "Jam praktik sudah selesai",
        "Jam praktik sudah selesai",
        "Sisa kuota 40",
    ]


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/v2/antrean/status/009/2026-11-23", "Poli 009 tidak ditemukan"),
        ("/v2/antrean/status/001/2026-11-22", "Tanggal sudah lewat"),
        ("/v2/antrean/status/001/2026-11-25", "hari ini atau besok"),
        ("/v2/antrean/status/001/2026-02-30", "bukan tanggal yang valid"),
        ("/v2/antrean/status/001/23-11-2026", "Format tanggalperiksa tidak valid"),
        ("/v2/antrean/status/1/2026-11-23", "Format kodepoli tidak valid"),
    ],
)
async def test_status_refusals(
    phone: httpx.AsyncClient, headers: dict[str, str], path: str, says: str
) -> None:
    answer = await phone.get(path, headers=headers)
    assert code_of(answer) == 201
    assert says in message_of(answer)


async def test_status_of_a_poli_without_practice_that_day(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    _close_lansia_on_mondays(services)
    answer = await phone.get(f"/v2/antrean/status/004/{TODAY}", headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer) == (
        "Poli Lansia tutup: tidak ada jadwal praktik pada tanggal 23-11-2026."
    )


# -- POST /antrean ---------------------------------------------------------------------------


async def test_booking_takes_the_next_number_from_the_kiosk_allocator(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    walk_in = services.tickets.take(TakeRequest("001", TODAY, _schedule(services, 102, "00:00")))
    assert walk_in.ticket.number == "A-001"
    answer = await phone.post("/antrean", json=booking(), headers=headers)
    assert answer.json()["metadata"] == {"code": 200, "message": "Ok"}
    booked = answer.json()["response"]
    assert list(booked) == [
        "nomorantrean",
        "angkaantrean",
        "namapoli",
        "sisaantrean",
        "antreanpanggil",
        "keterangan",
    ]
    assert booked["nomorantrean"] == "A-002"
    assert booked["angkaantrean"] == 2
    assert booked["namapoli"] == "Umum"
    # The desk calls Poli Umum's queue, whichever doctor: the walk-in waits there already.
    assert (booked["sisaantrean"], booked["antreanpanggil"]) == (1, "-")
    assert "Check-in di kiosk Puskesmas Sukamaju" in booked["keterangan"]
    row = ticket_rows(services)[-1]
    assert row.source == TicketSource.BOOKING
    assert row.status == TicketStatus.BOOKED
    assert (row.phone, row.complaint, row.doctor_code, row.verified) == (
        "081234567890",
        "Demam sejak kemarin",
        101,
        True,
    )
    with services.store.read() as session:
        kinds = session.scalars(select(OutboxRow.kind).where(OutboxRow.ticket_id == row.id)).all()
    assert kinds == ["antrean.add"]


async def test_sisaantrean_counts_who_still_waits_first_in_the_same_shift(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    morning = _schedule(services, 101, "00:00")
    for _ in range(3):
        services.tickets.take(TakeRequest("001", TODAY, morning))
    desk_calls(services, "A-001")
    booked = (await phone.post("/antrean", json=booking(), headers=headers)).json()["response"]
    assert (booked["nomorantrean"], booked["sisaantrean"], booked["antreanpanggil"]) == (
        "A-004",
        2,
        "A-001",
    )


async def test_a_second_booking_for_the_same_poli_and_day_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    again = await phone.post(
        "/antrean", json=booking(kodedokter=102, jampraktek="12:00-23:59"), headers=headers
    )
    assert code_of(again) == 201
    assert message_of(again) == (
        "Peserta sudah memiliki antrean A-001 di Poli Umum pada tanggal 23-11-2026."
    )
    assert len(ticket_rows(services)) == 2  # A-001 and the demo's booking for Rina


async def test_the_duplicate_is_named_even_when_the_shift_is_full_now(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    set_quota(services, "001", 101, 1)
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    again = await phone.post("/antrean", json=booking(), headers=headers)
    assert message_of(again).startswith("Peserta sudah memiliki antrean A-001")


async def test_a_booking_for_tomorrow_is_fine(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    answer = await phone.post(
        "/antrean", json=booking(tanggalperiksa=str(TOMORROW)), headers=headers
    )
    assert code_of(answer) == 200
    assert answer.json()["response"]["nomorantrean"] == "A-001"
    assert ticket_rows(services)[-1].service_date == TOMORROW


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"tanggalperiksa": "2026-11-22"}, "Tanggal sudah lewat."),
        ({"tanggalperiksa": "2026-11-25"}, "Nomor antrean hanya untuk hari ini atau besok."),
        ({"kodepoli": "009"}, "Poli 009 tidak ditemukan."),
        (
            {"kodedokter": 201},
            "Dokter dengan kode 201 tidak praktik di Poli Umum pada tanggal 23-11-2026.",
        ),
        (
            {"jampraktek": "08:00-12:00"},
            "Jam praktik 08:00-12:00 tidak sesuai jadwal dokter tersebut pada tanggal "
            "23-11-2026 (00:00-12:00).",
        ),
        ({"jampraktek": "12:00-08:00"}, "jampraktek bukan jam praktik yang valid"),
        ({"jampraktek": "25:00-26:00"}, "jampraktek bukan jam praktik yang valid"),
        ({"nik": "9973014507900001"}, "Kode provinsi pada NIK tidak valid."),
        ({"nik": "3273019907900001"}, "Tanggal lahir pada NIK tidak valid."),
        ({"nik": BUDI_NIK}, "NIK tidak sesuai dengan nomor kartu peserta."),
        ({"nomorkartu": RUDI_CARD, "nik": RUDI_NIK}, "Kepesertaan JKN Anda tidak aktif."),
        (
            {"nomorkartu": DEWI_CARD, "nik": DEWI_NIK},
            "Kepesertaan tidak aktif karena tunggakan iuran Rp450.000.",
        ),
        ({"nomorkartu": AGUS_CARD, "nik": AGUS_NIK}, "Anda terdaftar di Puskesmas Cibeunying."),
    ],
)
async def test_booking_refusals_say_why(
    phone: httpx.AsyncClient,
    headers: dict[str, str],
    services: Services,
    changes: dict[str, Any],
    says: str,
) -> None:
    before = len(ticket_rows(services))
    answer = await phone.post("/antrean", json=booking(**changes), headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer).startswith(says)
    assert len(ticket_rows(services)) == before


async def test_booking_a_closed_poli_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    _close_lansia_on_mondays(services)
    answer = await phone.post(
        "/antrean", json=booking(kodepoli="004", kodedokter=401), headers=headers
    )
    assert code_of(answer) == 201
    assert "Poli Lansia tutup" in message_of(answer)


async def test_booking_a_full_shift_is_refused_and_another_shift_still_books(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    set_quota(services, "001", 101, 1)
    services.tickets.take(TakeRequest("001", TODAY, _schedule(services, 101, "00:00")))
    full = await phone.post("/antrean", json=booking(), headers=headers)
    assert code_of(full) == 201
    assert message_of(full) == "Kuota jam praktik ini sudah penuh. Pilih jam atau hari lain."
    other = await phone.post(
        "/antrean", json=booking(kodedokter=102, jampraktek="00:00-12:00"), headers=headers
    )
    assert code_of(other) == 200
    assert other.json()["response"]["nomorantrean"] == "A-002"  # the refusal used no number


async def test_booking_a_finished_shift_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str], clock_source: MovableClock
) -> None:
    clock_source.instant += timedelta(hours=3, minutes=30)  # 12:30
    headers = await token_headers(phone)
    answer = await phone.post("/antrean", json=booking(), headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer) == "Jam praktik ini sudah selesai."


# -- new patients: 202, POST /peserta, retry --------------------------------------------------


async def test_a_demo_patient_without_a_medical_record_registers_then_books(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    budi = booking(nomorkartu=BUDI_CARD, nik=BUDI_NIK)
    first = await phone.post("/antrean", json=budi, headers=headers)
    assert code_of(first) == 202
    assert message_of(first).startswith("Pasien baru")
    assert "response" not in first.json()
    registered = await phone.post(
        "/peserta",
        json=patient(
            nomorkartu=BUDI_CARD,
            nik=BUDI_NIK,
            nomorkk="3273010101100001",
            nama="Budi Santoso",
            jeniskelamin="L",
            tanggallahir="2015-03-12",
        ),
        headers=headers,
    )
    assert registered.json() == {
        "metadata": {"code": 200, "message": "Ok"},
        "response": {"norm": "000007"},
    }
    retry = await phone.post("/antrean", json={**budi, "norm": "000007"}, headers=headers)
    assert code_of(retry) == 200
    assert retry.json()["response"]["nomorantrean"] == "A-001"
    row = _participant(services, BUDI_CARD)
    # Budi came from the registry: his data stays, the ticket is verified.
    assert (row.verified, row.display_name, row.class_name) == (True, "Budi S.", "Kelas III")
    assert ticket_rows(services)[-1].verified is True


async def test_an_unknown_card_registers_then_books_unverified(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    nur = booking(nomorkartu="0009876543210", nik="3273015503920007")
    assert code_of(await phone.post("/antrean", json=nur, headers=headers)) == 202
    registered = await phone.post("/peserta", json=patient(), headers=headers)
    assert registered.json()["response"] == {"norm": "000007"}
    again = await phone.post("/peserta", json=patient(), headers=headers)
    assert again.json()["response"] == {"norm": "000007"}  # registering twice: the same number
    retry = await phone.post("/antrean", json=nur, headers=headers)
    assert code_of(retry) == 200
    assert "belum terverifikasi BPJS" in retry.json()["response"]["keterangan"]
    row = _participant(services, "0009876543210")
    assert (row.verified, row.active, row.arrears, row.fktp_code) == (False, True, 0, "P3273010")
    assert (row.display_name, row.sex, str(row.birth_date)) == ("Nur H.", "P", "1992-03-15")
    assert row.family_card == "3273010101100099"
    assert ticket_rows(services)[-1].verified is False
    sisa = await phone.get(f"/antrean/sisapeserta/0009876543210/001/{TODAY}", headers=headers)
    assert "belum terverifikasi BPJS" in sisa.json()["response"]["keterangan"]


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"tanggallahir": "1992-03-16"}, "Tanggal lahir tidak sesuai dengan NIK."),
        ({"jeniskelamin": "L"}, "Jenis kelamin tidak sesuai dengan NIK."),
        (
            {"nik": AGUS_NIK, "tanggallahir": "1980-01-01", "jeniskelamin": "L"},
            "NIK ini sudah terdaftar dengan nomor kartu lain.",
        ),
        ({"nomorkartu": RINA_CARD}, "Nomor kartu ini terdaftar dengan NIK lain."),
        ({"nik": "3273015503920000"}, "Nomor urut pada NIK tidak valid."),
        ({"nama": "   "}, "nama wajib diisi."),
        ({"jeniskelamin": "X"}, "jeniskelamin harus salah satu dari: 'L' atau 'P'."),
        ({"tanggallahir": "1992-02-30"}, "tanggallahir bukan tanggal yang valid"),
        ({"rt": "1234"}, "Format rt tidak valid"),
        ({"nomorkk": "123"}, "Format nomorkk tidak valid (harus 16 digit angka)."),
    ],
)
async def test_registration_refusals(
    phone: httpx.AsyncClient,
    headers: dict[str, str],
    services: Services,
    changes: dict[str, Any],
    says: str,
) -> None:
    answer = await phone.post("/peserta", json=patient(**changes), headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer).startswith(says)
    with services.store.read() as session:
        assert (
            session.scalars(
                select(ParticipantRow.medical_record).where(
                    ParticipantRow.medical_record == "000007"
                )
            ).first()
            is None
        )


# -- GET /antrean/sisapeserta -----------------------------------------------------------------


async def test_sisapeserta_follows_the_desk(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    morning = _schedule(services, 101, "00:00")
    services.tickets.take(TakeRequest("001", TODAY, morning))
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    answer = await phone.get(SISA, headers=headers)
    assert answer.json()["metadata"] == {"code": 200, "message": "Ok"}
    assert answer.json()["response"] == {
        "nomorantrean": "A-002",
        "namapoli": "Umum",
        "sisaantrean": 1,
        "antreanpanggil": "-",
        "keterangan": "Belum check-in: lakukan check-in di kiosk puskesmas pada hari layanan.",
    }
    desk_calls(services, "A-001")
    position = (await phone.get(SISA, headers=headers)).json()["response"]
    assert (position["sisaantrean"], position["antreanpanggil"]) == (0, "A-001")
    desk_calls(services, "A-002")
    position = (await phone.get(SISA, headers=headers)).json()["response"]
    assert (position["sisaantrean"], position["antreanpanggil"]) == (0, "A-002")
    assert position["keterangan"] == "Nomor Anda sedang dipanggil."


async def test_sisapeserta_as_the_real_desk_calls_after_check_in(
    phone: httpx.AsyncClient,
    headers: dict[str, str],
    services: Services,
    clock_source: MovableClock,
) -> None:
    desk = DeskService(services.store, services.clock, services.slips)
    walk_in = services.tickets.take(TakeRequest("001", TODAY, _schedule(services, 102, "00:00")))
    booked = (await phone.post("/antrean", json=booking(), headers=headers)).json()["response"]
    assert (booked["nomorantrean"], booked["sisaantrean"]) == ("A-002", 1)
    clock_source.instant += timedelta(minutes=5)
    later = services.tickets.take(TakeRequest("001", TODAY, _schedule(services, 102, "00:00")))
    clock_source.instant += timedelta(minutes=5)
    headers = await token_headers(phone)  # ten minutes on: a new token
    siti = services.tickets.held(1, "001", TODAY)
    assert siti is not None
    services.tickets.check_in(siti.id)  # at the kiosk: she joins the queue now, after A-003
    position = (await phone.get(SISA, headers=headers)).json()["response"]
    assert (position["sisaantrean"], position["keterangan"]) == (2, "Menunggu dipanggil.")
    assert desk.call_next("001", "Meja 1", "petugas") == services.tickets.get(walk_in.ticket.id)
    position = (await phone.get(SISA, headers=headers)).json()["response"]
    assert (position["sisaantrean"], position["antreanpanggil"]) == (1, "A-001")
    clock_source.instant += timedelta(minutes=1)
    called = desk.call_next("001", "Meja 1", "petugas")
    assert called is not None and called.id == later.ticket.id
    clock_source.instant += timedelta(minutes=1)
    desk.call_next("001", "Meja 1", "petugas")
    position = (await phone.get(SISA, headers=headers)).json()["response"]
    assert position == {
        "nomorantrean": "A-002",
        "namapoli": "Umum",
        "sisaantrean": 0,
        "antreanpanggil": "A-002",
        "keterangan": "Nomor Anda sedang dipanggil.",
    }
    status = (await phone.get(STATUS, headers=headers)).json()["response"]
    # Per shift: dr. Andi's has Siti (called); dr. Maya's morning has A-001 and A-003 (called).
    assert [(s["totalantrean"], s["sisaantrean"], s["antreanpanggil"]) for s in status] == [
        (1, 0, "A-002"),
        (2, 0, "A-003"),
        (0, 0, "-"),
    ]


@pytest.mark.parametrize(
    ("path", "says"),
    [
        (f"/antrean/sisapeserta/{SITI_CARD}/001/{TODAY}", "tidak ditemukan"),
        (f"/antrean/sisapeserta/0009999999999/001/{TODAY}", "tidak ditemukan"),
        (f"/antrean/sisapeserta/123/001/{TODAY}", "Format nomorkartu tidak valid"),
        (f"/antrean/sisapeserta/{SITI_CARD}/001/2026-13-01", "bukan tanggal yang valid"),
    ],
)
async def test_sisapeserta_refusals(
    phone: httpx.AsyncClient, headers: dict[str, str], path: str, says: str
) -> None:
    answer = await phone.get(path, headers=headers)
    assert code_of(answer) == 201
    assert says in message_of(answer)


# -- PUT /antrean/batal -----------------------------------------------------------------------


async def test_cancelling_twice_changes_nothing(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    first = await phone.put("/antrean/batal", json=cancellation(), headers=headers)
    assert first.json() == {"metadata": {"code": 200, "message": "Ok"}}
    second = await phone.put("/antrean/batal", json=cancellation(), headers=headers)
    assert second.json() == first.json()
    row = ticket_rows(services)[-1]
    assert row.status == TicketStatus.CANCELLED
    with services.store.read() as session:
        outbox = session.scalars(select(OutboxRow).where(OutboxRow.ticket_id == row.id)).all()
    assert [o.kind for o in outbox] == ["antrean.add", "antrean.batal"]
    assert outbox[1].payload["alasan"] == "Sudah sembuh"
    sisa = await phone.get(SISA, headers=headers)
    assert code_of(sisa) == 201
    assert "sudah dibatalkan" in message_of(sisa)
    # The place is free again: a new booking is a new number.
    rebooked = await phone.post("/antrean", json=booking(), headers=headers)
    assert rebooked.json()["response"]["nomorantrean"] == "A-002"


async def test_a_served_number_cannot_be_cancelled(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    desk_calls(services, "A-001", TicketStatus.SERVED)
    answer = await phone.put("/antrean/batal", json=cancellation(), headers=headers)
    assert code_of(answer) == 201
    assert message_of(answer) == "Nomor yang sudah dilayani tidak dapat dibatalkan."
    assert ticket_rows(services)[-1].status == TicketStatus.SERVED


async def test_cancelling_what_does_not_exist_is_refused(
    phone: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    for body in (cancellation(), cancellation(nomorkartu="0009999999999")):
        answer = await phone.put("/antrean/batal", json=body, headers=headers)
        assert code_of(answer) == 201
        assert "tidak ditemukan" in message_of(answer)


async def test_an_empty_reason_gets_a_default(
    phone: httpx.AsyncClient, headers: dict[str, str], services: Services
) -> None:
    assert code_of(await phone.post("/antrean", json=booking(), headers=headers)) == 200
    await phone.put("/antrean/batal", json=cancellation(keterangan=" "), headers=headers)
    with services.store.read() as session:
        payloads = session.scalars(
            select(OutboxRow.payload).where(OutboxRow.kind == "antrean.batal")
        ).all()
    assert payloads[-1]["alasan"] == "Dibatalkan lewat Mobile JKN"


# -- helpers ---------------------------------------------------------------------------------


def _schedule(services: Services, doctor: int, start: str) -> int:
    slots = services.clinic.slots("001", TODAY)
    return next(
        s.schedule_id for s in slots if s.doctor_code == doctor and f"{s.start:%H:%M}" == start
    )


def _close_lansia_on_mondays(services: Services) -> None:
    with services.store.write() as session:
        session.execute(
            delete(ScheduleRow).where(ScheduleRow.poli_code == "004", ScheduleRow.weekday == 0)
        )


def _participant(services: Services, card: str) -> ParticipantRow:
    with services.store.read() as session:
        row = session.scalars(
            select(ParticipantRow).where(ParticipantRow.card_number == card)
        ).one()
        session.expunge(row)
        return row
