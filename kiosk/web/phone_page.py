"""The patient's phone page, ``/t/{signed slip code}``: the slip's QR opens it on the clinic's
network (``KIOSK_PUBLIC_URL``).

It shows the number, the poli, how many are ahead, the estimated call window, and where to go
once called, and updates live (Server-Sent Events, driven by the board's hub). It holds no
personal data. The code is verified as the desk verifies it: a forged code, a code for another
day (the page expires with the clinic's day) or a malformed one gets a clear page, not an error.
Every value is escaped into the page; the script only sets text. Page requests are limited per
address, so a flood cannot slow the desks.
"""

from __future__ import annotations

import html
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse

from kiosk.domain.models import TicketStatus
from kiosk.domain.slip_code import SlipCodeError, SlipCodeProblem, parse_short
from kiosk.i18n import t
from kiosk.services import Services
from kiosk.services.ticket_page import TicketView, ticket_view
from kiosk.web.board import HEARTBEAT_SECONDS, RETRY_MS, SECURITY_HEADERS, BoardHub, sse, web_dir
from kiosk.web.store_calls import StoreCalls

PAGES_PER_MINUTE = 60  # per client address: a phone refreshing every second still passes

_STATUS_KEYS = {
    TicketStatus.BOOKED: "phone.booked",
    TicketStatus.SERVING: "phone.serving",
    TicketStatus.SERVED: "phone.done",
    TicketStatus.SKIPPED: "phone.skipped",
    TicketStatus.CANCELLED: "phone.cancelled",
}
_PROBLEM_KEYS = {
    SlipCodeProblem.MALFORMED: "phone.bad_code",
    SlipCodeProblem.FORGED: "phone.bad_code",
    SlipCodeProblem.OTHER_DAY: "phone.other_day",
}


class PageLimiter:
    """At most ``per_minute`` page requests per client address in any minute."""

    def __init__(self, per_minute: int = PAGES_PER_MINUTE) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, address: str) -> bool:
        now = time.monotonic()
        seen = self._seen[address]
        while seen and now - seen[0] > 60:
            seen.popleft()
        if len(seen) >= self.per_minute:
            return False
        seen.append(now)
        if len(self._seen) > 10_000:  # a scan of many addresses must not grow this forever
            self._seen = defaultdict(deque, {address: seen})
        return True


def view_lines(view: TicketView, lang: str) -> dict[str, object]:
    """The page's words for a ticket, in ``lang``: the script puts them on the page as text."""
    called = view.status == TicketStatus.CALLED
    if called:
        where = view.counter or f"Poli {view.poli_name}"
        headline = t("phone.called", lang, counter=where)
    elif view.status == TicketStatus.WAITING:
        headline = (
            t("phone.ahead", lang, n=view.ahead) if view.ahead else t("phone.none_ahead", lang)
        )
    else:
        headline = t(_STATUS_KEYS.get(view.status, "phone.done"), lang)
    window = ""
    if view.status == TicketStatus.WAITING and view.estimate_from and view.estimate_to:
        window = t(
            "ticket.estimate",
            lang,
            low=f"{view.estimate_from:%H:%M}",
            high=f"{view.estimate_to:%H:%M}",
        )
    return {
        "number": view.number,
        "poli": f"Poli {view.poli_name}",
        "headline": headline,
        "window": window,
        "called": called,
        "status": view.status.value,
        "ahead": view.ahead,
    }


def mount_phone_page(app: FastAPI, services: Services, hub: BoardHub, in_store: StoreCalls) -> None:
    settings = services.settings
    limiter = PageLimiter()
    router = APIRouter(include_in_schema=False)

    def lang_of(lang: str | None) -> str:
        return lang if lang in ("id", "en") else settings.lang

    def verify(code: str) -> int | SlipCodeProblem:
        # The QR holds the full signed code; the address printed under it, a short one.
        short = parse_short(code)
        ticket = services.tickets.find(short[0]) if short else None
        try:
            return services.slips.verify_page(code, ticket).ticket_id
        except SlipCodeError as error:
            return error.problem

    def lines_for(ticket_id: int, lang: str) -> dict[str, object]:
        view = ticket_view(services.store, services.tickets, ticket_id)
        return view_lines(view, lang)

    def page(body: str, lang: str, status: int = 200) -> HTMLResponse:
        template = (web_dir() / "phone.html").read_text(encoding="utf-8")
        document = template.replace("{{lang}}", lang).replace("{{body}}", body)
        document = document.replace("{{title}}", html.escape(t("phone.title", lang)))
        return HTMLResponse(document, status_code=status, headers=SECURITY_HEADERS)

    def refusal(problem: SlipCodeProblem, lang: str) -> HTMLResponse:
        message = html.escape(t(_PROBLEM_KEYS[problem], lang))
        facility = html.escape(settings.facility_name)
        body = f'<p class="facility">{facility}</p><p class="refusal">{message}</p>'
        return page(body, lang, 404 if problem == SlipCodeProblem.OTHER_DAY else 400)

    def limited(request: Request) -> Response | None:
        address = request.client.host if request.client else "?"
        if limiter.allow(address):
            return None
        return PlainTextResponse(
            t("phone.too_many", settings.lang), status_code=429, headers=SECURITY_HEADERS
        )

    def asset(name: str, media: str) -> Response:
        body = (web_dir() / name).read_bytes()
        return Response(body, media_type=f"{media}; charset=utf-8", headers=SECURITY_HEADERS)

    @router.get("/t/phone.js")
    def phone_script() -> Response:
        return asset("phone.js", "text/javascript")

    @router.get("/t/phone.css")
    def phone_style() -> Response:
        return asset("phone.css", "text/css")

    async def admit(
        request: Request, code: str, lang: str | None
    ) -> Response | tuple[str, int | SlipCodeProblem]:
        """What both /t/ routes do first: the rate limit, the language, the code's ticket."""
        refused = limited(request)
        if refused is not None:
            return refused
        return lang_of(lang), await in_store(verify, code)

    @router.get("/t/{code}")
    async def phone_page(request: Request, code: str, lang: str | None = None) -> Response:
        admitted = await admit(request, code, lang)
        if isinstance(admitted, Response):
            return admitted
        language, found = admitted
        if isinstance(found, SlipCodeProblem):
            return refusal(found, language)
        lines = await in_store(lines_for, found, language)
        e = html.escape
        body = (
            f'<p class="facility">{e(settings.facility_name)}</p>'
            f'<main id="ticket" data-code="{e(code)}" data-lang="{e(language)}"'
            f' class="{"called" if lines["called"] else ""}">'
            f'<p class="label">{e(t("phone.your_number", language))}</p>'
            f'<p id="number">{e(str(lines["number"]))}</p>'
            f'<p id="poli">{e(str(lines["poli"]))}</p>'
            f'<p id="headline">{e(str(lines["headline"]))}</p>'
            f'<p id="window">{e(str(lines["window"]))}</p>'
            f"</main>"
            f'<p id="live" data-stale="{e(t("phone.stale", language))}">'
            f"{e(t('phone.live', language))}</p>"
        )
        return page(body, language)

    @router.get("/t/{code}/events")
    async def phone_events(request: Request, code: str, lang: str | None = None) -> Response:
        admitted = await admit(request, code, lang)
        if isinstance(admitted, Response):
            return admitted
        language, found = admitted
        if isinstance(found, SlipCodeProblem):
            return PlainTextResponse(
                t(_PROBLEM_KEYS[found], language), status_code=400, headers=SECURITY_HEADERS
            )
        ticket_id = found

        async def stream() -> AsyncIterator[str]:
            hub.watch()
            try:
                yield f"retry: {RETRY_MS}\n\n"
                version = -1
                sent: dict[str, object] | None = None
                while not await request.is_disconnected():
                    newer = await hub.newer_than(version, HEARTBEAT_SECONDS)
                    if newer == version:
                        yield sse("beat", {})
                        continue
                    version = newer
                    lines = await in_store(lines_for, ticket_id, language)
                    if lines != sent:
                        sent = lines
                        yield sse("ticket", lines)
            finally:
                hub.leave()

        headers = {**SECURITY_HEADERS, "Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    app.include_router(router)
