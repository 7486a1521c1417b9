"""Both catalog versions of the faskes web service, through uvicorn on loopback, with bodies
exactly as the catalog shows them (protocol.md, part 1)."""

from __future__ import annotations

import httpx

from kiosk.services import Services
from tests.demo_ids import SITI_CARD, SITI_NIK
from tests.web.phone import TODAY, LiveServer, booking, code_of, message_of, token_headers

# Version 1's POST /antrean: five fields, the clinic picks the doctor and the shift.
V1_BOOKING = {
    "nomorkartu": SITI_CARD,
    "nik": SITI_NIK,
    "kodepoli": "001",
    "tanggalperiksa": TODAY.isoformat(),
    "keluhan": "Demam",
}


async def test_version_1_books_with_five_fields_and_answers_strings(
    live_server: LiveServer, services: Services
) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as phone:
        headers = await token_headers(phone)
        status = await phone.get(f"/antrean/status/001/{TODAY}", headers=headers)
        assert code_of(status) == 200
        poli = status.json()["response"]
        assert set(poli) == {
            "namapoli",
            "totalantrean",
            "sisaantrean",
            "antreanpanggil",
            "keterangan",
        }
        assert (poli["namapoli"], poli["totalantrean"], poli["antreanpanggil"]) == (
            "Umum",
            "0",
            "-",
        )

        booked = await phone.post("/antrean", json=V1_BOOKING, headers=headers)
        assert code_of(booked) == 200, booked.text
        answer = booked.json()["response"]
        assert answer["nomorantrean"] == "A-001" and answer["angkaantrean"] == "1"
        assert isinstance(answer["sisaantrean"], str)
        # The clinic says which doctor and hours it picked: the earliest open shift with room.
        assert "00:00-12:00" in answer["keterangan"]
        after = (await phone.get(f"/antrean/status/001/{TODAY}", headers=headers)).json()
        assert after["response"]["totalantrean"] == "1"

        # Version 1's batal: keterangan may be left out.
        cancelled = await phone.put(
            "/antrean/batal",
            json={"nomorkartu": SITI_CARD, "kodepoli": "001", "tanggalperiksa": str(TODAY)},
            headers=headers,
        )
        assert code_of(cancelled) == 200, cancelled.text


async def test_version_2_lives_under_v2_with_numbers(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as phone:
        headers = await token_headers(phone)
        assert code_of(await phone.get("/v2/auth", headers=headers)) == 201  # no password sent
        status = await phone.get(f"/v2/antrean/status/001/{TODAY}", headers=headers)
        shifts = status.json()["response"]
        assert isinstance(shifts, list) and {s["jampraktek"] for s in shifts} >= {"00:00-12:00"}
        assert all(isinstance(s["totalantrean"], int) for s in shifts)

        booked = await phone.post("/v2/antrean", json=booking(), headers=headers)
        assert code_of(booked) == 200, booked.text
        assert booked.json()["response"]["angkaantrean"] == 1
        position = await phone.get(
            f"/v2/antrean/sisapeserta/{SITI_CARD}/001/{TODAY}", headers=headers
        )
        assert position.json()["response"]["nomorantrean"] == "A-001"
        no_reason = await phone.put(
            "/v2/antrean/batal",
            json={"nomorkartu": SITI_CARD, "kodepoli": "001", "tanggalperiksa": str(TODAY)},
            headers=headers,
        )
        assert code_of(no_reason) == 201 and message_of(no_reason) == "keterangan wajib diisi."
        cancelled = await phone.put(
            "/v2/antrean/batal",
            json={
                "nomorkartu": SITI_CARD,
                "kodepoli": "001",
                "tanggalperiksa": str(TODAY),
                "keterangan": "Sudah sembuh",
            },
            headers=headers,
        )
        assert code_of(cancelled) == 200


async def test_a_version_2_body_sent_to_version_1_is_honoured_as_version_2(
    live_server: LiveServer,
) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as phone:
        headers = await token_headers(phone)
        # dr. of the afternoon shift, named: version 1's path does not pick another one.
        body = booking(kodedokter="102", jampraktek="12:00-23:59")
        booked = await phone.post("/antrean", json=body, headers=headers)
        assert code_of(booked) == 200, booked.text
        assert booked.json()["response"]["angkaantrean"] == 1  # version 2's types
        half = booking(kodedokter=102)
        del half["nohp"]
        refused = await phone.post("/antrean", json=half, headers=headers)
        assert code_of(refused) == 201 and message_of(refused) == "nohp wajib diisi."


async def test_numbers_as_strings_and_strings_as_numbers(live_server: LiveServer) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=10) as phone:
        headers = await token_headers(phone)
        body = booking(kodedokter="101", norm=1, nohp=81234567890)
        booked = await phone.post("/v2/antrean", json=body, headers=headers)
        assert code_of(booked) == 200, booked.text
        for wrong, says in (
            ({"kodedokter": "dokter"}, "kodedokter harus berupa bilangan bulat."),
            ({"kodedokter": True}, "kodedokter harus berupa bilangan bulat."),
            ({"nomorkartu": 1234567801}, "Format nomorkartu tidak valid"),
        ):
            answer = await phone.post("/v2/antrean", json=booking(**wrong), headers=headers)
            assert code_of(answer) == 201 and message_of(answer).startswith(says), answer.text
