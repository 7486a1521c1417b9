"""antrean/add's short way past FastAPI (kiosk/central/app.py, ``_HotAdd``) answers exactly what
FastAPI's route answers: the same calls, in the same order, against two fresh centrals, one with
the short way and one without, give the same status, headers and bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.central import app as central_app_module
from kiosk.central.app import create_central_app
from kiosk.central.db import CentralDatabase
from kiosk.central.registry import Registry
from kiosk.config import Settings
from tests.central.conftest import CONSUMER, NOW, signed
from tests.central.wire import add_body
from tests.demo_ids import BUDI_CARD

ADD = "/antreanfktp/antrean/add"
JSON = "application/json"

# (content type or None, body bytes)
CALLS: list[tuple[str | None, bytes]] = [
    (JSON, json.dumps(add_body()).encode()),  # accepted
    (JSON, json.dumps(add_body()).encode()),  # 208, already held
    (f"{JSON}; charset=utf-8", json.dumps(add_body(kodepoli="009")).encode()),  # unknown poli
    (None, json.dumps(add_body(nomorkartu=BUDI_CARD, jampraktek="13:00-14:00")).encode()),
    ("Application/JSON", json.dumps(add_body(kodedokter="101")).encode()),  # "101" is no int
    (JSON, json.dumps({**add_body(), "extra": 1}).encode()),
    (JSON, json.dumps(add_body(angkaantrean=True)).encode()),
    (JSON, b""),
    (JSON, b"{not json"),
    (JSON, b"\xff\xfe{}"),
    (JSON, b"[1, 2]"),
    (JSON, json.dumps(add_body(tanggalperiksa="2026-02-30")).encode()),
    ("text/plain", json.dumps(add_body(nomorkartu=BUDI_CARD)).encode()),
    ("application/vnd.bpjs+json", json.dumps(add_body(nomorkartu=BUDI_CARD)).encode()),  # FastAPI's
    (JSON, json.dumps(add_body(nomorkartu=BUDI_CARD)).encode()),  # 208 (+json was read as JSON)
]


async def _answers(settings: Settings, folder: Path) -> list[tuple[int, str, Any]]:
    database = CentralDatabase(f"sqlite:///{folder / 'central.db'}")
    database.create(settings.facility_code, settings.facility_name)
    app = create_central_app(
        settings, database=database, consumer=CONSUMER, encrypt_answers=True, now=lambda: NOW
    )
    answers = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://central") as client:
        for content_type, body in CALLS:
            headers = signed()
            if content_type is not None:
                headers["Content-Type"] = content_type
            reply = await client.post(ADD, content=body, headers=headers)
            kept = {k: v for k, v in reply.headers.items() if k != "date"}
            answers.append((reply.status_code, json.dumps(kept), reply.content))
    database.dispose()
    return answers


@pytest.mark.parametrize("on_the_loop", [True, False], ids=["sqlite-inline", "worker-thread"])
async def test_the_short_way_answers_as_fastapi_does(
    make_settings: Callable[..., Settings],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    on_the_loop: bool,
) -> None:
    settings = make_settings()
    # A database over the network (PostgreSQL) adds in a worker thread: the same answers.
    monkeypatch.setattr(central_app_module, "_on_the_loop", lambda _registry: on_the_loop)
    added: list[str] = []
    real_add = Registry.add

    def counted(self: Registry, cons_id: str, body: Any) -> Any:
        added.append(body.nomorkartu)
        return real_add(self, cons_id, body)

    monkeypatch.setattr(Registry, "add", counted)
    (tmp_path / "short").mkdir()
    (tmp_path / "fastapi").mkdir()
    short = await _answers(settings, tmp_path / "short")
    by_short = len(added)
    # Every body handed on, as one the short way does not take: FastAPI answers each.
    monkeypatch.setattr(central_app_module, "_validated", lambda _scope, _message: None)
    through_fastapi = await _answers(settings, tmp_path / "fastapi")
    for call, (ours, theirs) in enumerate(zip(short, through_fastapi, strict=True)):
        assert ours == theirs, (call, CALLS[call], ours[2], theirs[2])
    codes = [json.loads(content)["metadata"]["code"] for _, _, content in short]
    assert codes == [200, 208, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 200, 208]
    # Both ways reached the registry as often (each call with a body that validates).
    assert by_short == len(added) - by_short == 6
