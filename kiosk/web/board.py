"""The waiting-room board as a web page (``/board``), live through Server-Sent Events.

One :class:`BoardHub` per server reads the board (the same read model as ``kiosk board``) only
when the store's change marker moves, and hands each new state to every open page: fifty TVs
cost one read per change, not fifty. A page that connects, or reconnects after a restart or a
network drop, gets the whole state at once, so it catches up by itself. The hub polls only while
someone watches.

The page is static (HTML, script and style from the assets folder, nothing from the internet);
the data arrive as JSON and are put on the page as text, never as markup. The
Content-Security-Policy allows scripts, styles, sound and connections from this server only.
Nothing on the board names a patient: numbers, polis, counters and times, and the running text
staff set (``kiosk board-text``, the desk's ``m``), which the page shows as text like the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, PlainTextResponse, Response, StreamingResponse

from kiosk.assets import assets_dir
from kiosk.domain.announce import call_text, spoken_call
from kiosk.i18n import t
from kiosk.services import Services
from kiosk.services.board import BoardService, BoardState, Call
from kiosk.services.speech import SpeechCache, SpeechUnavailable
from kiosk.web.store_calls import StoreCalls

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 5.0  # the page calls itself stale after three missed beats
IDLE_SECONDS = 10.0  # the hub stops polling this long after the last page left
RETRY_MS = 2000
_POLI_LIST = re.compile(r"^[A-Za-z0-9]{1,3}(,[A-Za-z0-9]{1,3}){0,19}$")
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# What the page's script may show, per language (the data carry no words of ours).
_LABELS = (
    "board.title",
    "board.no_call",
    "board.no_calls_yet",
    "board.no_queue",
    "board.recent",
    "board.recalled",
    "board.stale",
    "board.web.sound",
    "board.web.offline",
)


def web_dir() -> Any:
    return assets_dir() / "web"


class BoardHub:
    """Reads the board when the change marker moves; pages wait for a newer version."""

    def __init__(
        self, board: BoardService, in_store: StoreCalls, poll_seconds: float = POLL_SECONDS
    ) -> None:
        self.board = board
        self.in_store = in_store
        self.poll_seconds = poll_seconds
        self.state: BoardState | None = None
        self.failing = False
        self.version = 0
        self.watchers = 0
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def watch(self) -> None:
        self.watchers += 1
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="board-hub")

    def leave(self) -> None:
        self.watchers -= 1

    async def newer_than(self, version: int, timeout: float) -> int:
        """The version once it passed ``version``, or the same after ``timeout`` seconds."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                while self.version <= version:
                    self._changed.clear()
                    await self._changed.wait()
        return self.version

    def _publish(self) -> None:
        self.version += 1
        self._changed.set()

    async def _run(self) -> None:
        marker: int | None = None
        day = None
        look_again = False
        idle = 0.0
        while idle < IDLE_SECONDS:
            try:
                today = self.board.clock.today()
                moved = look_again or today != day
                if not moved:
                    moved = await self.in_store(self.board.change_marker) != marker
                if moved:
                    state = await self.in_store(self.board.snapshot, today)
                    # A transaction may commit just after one with a higher event id.
                    look_again = state.marker != marker
                    marker, day = state.marker, today
                    if state != self.state or self.failing:
                        self.state, self.failing = state, False
                        self._publish()
                elif self.failing:
                    self.failing = False
                    self._publish()
            except Exception:
                if not self.failing:
                    log.warning("the web board cannot read the store", exc_info=True)
                    self.failing = True
                    self._publish()
            await asyncio.sleep(self.poll_seconds)
            idle = idle + self.poll_seconds if self.watchers <= 0 else 0.0

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


@dataclass(frozen=True)
class View:
    """One page's choice: which polis, which language."""

    polis: frozenset[str] | None
    lang: str
    utc_offset: int = 0  # the clinic's offset from UTC in minutes: the TV shows clinic time


def call_json(call: Call, lang: str) -> dict[str, Any]:
    return {
        "id": call.call_id,
        "number": call.number,
        "poli": call.poli_code,
        "poli_name": call.poli_name,
        "counter": call.counter or "",
        "time": f"{call.called_at:%H:%M}",
        "recalls": call.recalls,
        "line": call_text(call.number, call.poli_name, call.counter),
    }


def state_json(state: BoardState | None, failing: bool, view: View) -> dict[str, Any]:
    """What a page shows: numbers, polis, counters, times; never a name, NIK or card."""
    lang = view.lang
    labels = {key.removeprefix("board.").replace("web.", ""): t(key, lang) for key in _LABELS}
    if state is None:
        return {"ready": False, "stale": True, "labels": labels}
    shown = state.only(view.polis)
    polis = []
    for poli in shown.polis:
        if poli.waiting:
            waiting = t("board.waiting", lang, n=poli.waiting)
            if poli.wait_high:
                waiting += " · " + t("board.estimate", lang, low=poli.wait_low, high=poli.wait_high)
        else:
            waiting = t("board.no_queue", lang)
        polis.append(
            {
                "code": poli.code,
                "name": f"Poli {poli.name}",
                "current": call_json(poli.current, lang) if poli.current else None,
                "waiting": poli.waiting,
                "waiting_text": waiting,
            }
        )
    return {
        "ready": True,
        "stale": failing,
        "utc_offset": view.utc_offset,
        "facility": shown.facility_name,
        "day": shown.day.isoformat(),
        "marker": shown.marker,
        "polis": polis,
        "recent": [call_json(call, lang) for call in shown.recent],
        "running_text": shown.running_text,
        "labels": labels,
    }


def sse(event: str, data: dict[str, Any], event_id: int | None = None) -> str:
    # json.dumps keeps everything on one line: no newline can end the event early.
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def mount_board(app: FastAPI, services: Services, in_store: StoreCalls) -> BoardHub:
    """Add /board, its events, its sound and its assets to ``app``."""
    settings = services.settings
    hub = BoardHub(services.board, in_store)
    speech = SpeechCache()
    router = APIRouter(include_in_schema=False)

    def view_of(poli: str | None, lang: str | None) -> View | Response:
        if poli is not None and not _POLI_LIST.match(poli):
            return PlainTextResponse(
                t("board.web.bad_poli", settings.lang), status_code=400, headers=SECURITY_HEADERS
            )
        codes = frozenset(poli.upper().split(",")) if poli else None
        offset = services.clock.now().utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        return View(codes, lang if lang in ("id", "en") else settings.lang, minutes)

    def page(name: str, media: str) -> Response:
        return FileResponse(web_dir() / name, media_type=media, headers=SECURITY_HEADERS)

    @router.get("/board")
    def board_page(poli: str | None = None, lang: str | None = None) -> Response:
        view = view_of(poli, lang)
        if isinstance(view, Response):
            return view
        return page("board.html", "text/html; charset=utf-8")

    @router.get("/board/board.js")
    def board_script() -> Response:
        return page("board.js", "text/javascript; charset=utf-8")

    @router.get("/board/board.css")
    def board_style() -> Response:
        return page("board.css", "text/css; charset=utf-8")

    @router.get("/board/events")
    async def board_events(
        request: Request,
        poli: str | None = None,
        lang: str | None = None,
    ) -> Response:
        view = view_of(poli, lang)
        if isinstance(view, Response):
            return view

        async def stream() -> AsyncIterator[str]:
            hub.watch()
            try:
                yield f"retry: {RETRY_MS}\n\n"
                version = -1
                while not await request.is_disconnected():
                    newer = await hub.newer_than(version, HEARTBEAT_SECONDS)
                    if newer == version:
                        yield sse("beat", {"stale": hub.failing})
                        continue
                    version = newer
                    if hub.state is not None or hub.failing:
                        data = state_json(hub.state, hub.failing, view)
                        yield sse("state", data, data.get("marker"))
            finally:
                hub.leave()

        headers = {**SECURITY_HEADERS, "Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    @router.get("/board/speech/{call_id}.wav")
    async def board_speech(call_id: int) -> Response:
        """A call the board shows, as a chime and Indonesian words (404 for any other)."""
        state = hub.state
        call = None
        if state is not None:
            found = [c for c in state.recent if c.call_id == call_id]
            found += [p.current for p in state.polis if p.current and p.current.call_id == call_id]
            call = found[0] if found else None
        if call is None:
            return PlainTextResponse(
                t("board.web.no_speech", settings.lang), status_code=404, headers=SECURITY_HEADERS
            )
        text = spoken_call(call.number, call.poli_name, call.counter)
        try:
            audio = await to_thread.run_sync(speech.get, text)
        except (SpeechUnavailable, OSError, ValueError):
            log.warning("the call could not be rendered as speech", exc_info=True)
            return PlainTextResponse(
                t("board.web.no_speech", settings.lang), status_code=503, headers=SECURITY_HEADERS
            )
        headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=3600"}
        return Response(audio, media_type="audio/wav", headers=headers)

    app.include_router(router)
    app.state.board_hub = hub
    return hub
