"""The phone's calls (``PhoneDesk``) in a process of their own, for ``kiosk serve`` on SQLite.

Why a process: CPython runs one thread of a process at a time. With the store's work in a
thread beside the event loop, the two passed the GIL to and fro at every SQLite call and every
socket read, and now and then both waited on each other for milliseconds at a time. Bench
figure 5 (book and cancel, 8 clients), run back to back on the same machine: 258-271 requests
a second with a p99 of 75 ms in the thread, 446-484 a second with a p99 of 46-53 ms here.

How: the child opens the clinic's services from the same settings (the real clock), runs the
calls one after another as they come down a pipe, and answers each with its result, a contract
answer (a refusal, a new patient), or a fault. The event loop only writes a request and reads
the answers when the pipe is readable: it never waits on the store. The child checkpoints the
WAL (it is the writer) and logs to ``serve-desk.log`` beside ``serve.log``. If it dies, the calls
in flight fail as faults and the next call starts a new one.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any

from kiosk.asgi import fault_place
from kiosk.config import Settings
from kiosk.contract.faskes import ContractAnswer
from kiosk.logsink import journal_handlers, log_file

log = logging.getLogger(__name__)

# What the child answers to; anything else is a fault (the pipe is ours, but a name is not code).
CALLS = frozenset(
    {"status", "book", "position", "poli_status", "book_first_open", "cancel", "register"}
)
START_SECONDS = 60.0  # imports and opening the store; a loaded CI machine takes a few seconds


class DeskUnavailable(Exception):
    """The desk process failed the call, or is not there: the caller answers with a fault."""


class DeskProcess:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._pipe: Connection | None = None
        self._waiting: collections.deque[asyncio.Future[Any]] = collections.deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread = 0
        self._starting = threading.Lock()

    # -- the parent's side ---------------------------------------------------------------------
    def start(self) -> None:
        """Start the child and wait until it has opened the store (blocking: call it before
        serving, or in a worker thread)."""
        with self._starting:
            if self._pipe is not None:
                return
            ours, theirs = self._context.Pipe()
            process = self._context.Process(
                target=serve_calls, args=(theirs, self.settings), name="kiosk-desk", daemon=True
            )
            process.start()
            theirs.close()
            if not ours.poll(START_SECONDS) or ours.recv() != "ready":
                process.kill()
                raise DeskUnavailable("the desk process did not start")
            self._process, self._pipe = process, ours

    async def call(self, name: str, *args: Any) -> Any:
        if self._pipe is None:
            await asyncio.to_thread(self.start)
        pipe = self._pipe
        assert pipe is not None
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            loop.add_reader(pipe.fileno(), self._answers)
            self._loop, self._loop_thread = loop, threading.get_ident()
        answer = loop.create_future()
        self._waiting.append(answer)
        try:
            pipe.send((name, args))
        except OSError:
            self._lost()
        return await answer

    def _answers(self) -> None:
        pipe = self._pipe
        try:
            while pipe is not None and pipe.poll():
                kind, value = pipe.recv()
                answer = self._waiting.popleft()
                if answer.cancelled():  # the phone went away; the call was done all the same
                    continue
                if kind == "ok":
                    answer.set_result(value)
                elif kind == "answer":
                    answer.set_exception(ContractAnswer(*value))
                else:
                    answer.set_exception(DeskUnavailable(value))
        except (EOFError, OSError):
            self._lost()

    def _lost(self) -> None:
        """The child is gone: the calls in flight fail, the next call starts a new child."""
        log.error("the desk process stopped; the next call starts it again")
        self._close_pipe()
        if self._process is not None:
            self._process.join(0)  # reaped, if it has exited
            self._process = None
        while self._waiting:
            answer = self._waiting.popleft()
            if not answer.done():
                answer.set_exception(DeskUnavailable("the desk process stopped"))

    def _close_pipe(self) -> None:
        loop, pipe = self._loop, self._pipe
        if pipe is not None:
            if loop is not None and not loop.is_closed():
                if threading.get_ident() == self._loop_thread:
                    loop.remove_reader(pipe.fileno())
                else:  # stop() from a worker thread: the loop's own methods run on the loop
                    loop.call_soon_threadsafe(loop.remove_reader, pipe.fileno())
            pipe.close()
        self._pipe, self._loop = None, None

    def stop(self) -> None:
        process, pipe = self._process, self._pipe
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.send(None)
        self._close_pipe()
        if process is not None:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)
        self._process = None


# -- the child's side --------------------------------------------------------------------------
def serve_calls(pipe: Connection, settings: Settings) -> None:
    """The child: answer calls until told to stop (None) or the parent is gone."""
    import gc

    from kiosk.services import build_services
    from kiosk.web.phone import PhoneDesk

    _log_to_file(settings)
    services = build_services(settings)
    stop_checkpoints = services.store.checkpoint_in_background()
    desk = PhoneDesk(services)
    gc.collect()
    gc.freeze()  # what lives as long as the process: out of the collector's sight
    pipe.send("ready")
    try:
        while True:
            try:
                request = pipe.recv()
            except (EOFError, OSError, KeyboardInterrupt):
                return
            if request is None:
                return
            name, args = request
            pipe.send(_answer(desk, name, args))
    except KeyboardInterrupt:  # Ctrl+C reaches the whole process group; the parent stops us
        return
    finally:
        stop_checkpoints()
        services.store.dispose()


def _answer(desk: Any, name: str, args: tuple[Any, ...]) -> tuple[str, Any]:
    if name not in CALLS:
        return ("fault", f"no call {name!r}")
    try:
        return ("ok", getattr(desk, name)(*args))
    except ContractAnswer as answer:
        return ("answer", (answer.code, answer.message))
    except Exception as error:
        # Its type and where, never its message: that may carry a NIK or card number.
        log.error("the phone's %s failed: %s at %s", name, type(error).__name__, fault_place(error))
        return ("fault", type(error).__name__)


def _log_to_file(settings: Settings) -> None:
    """``serve-desk.log`` beside ``serve.log``, and the journal as ``kiosk serve`` logs."""
    try:
        handlers = [log_file(settings.log_dir / "serve-desk.log")]
    except OSError:  # no log rather than no service; the parent's log still says what it did
        handlers = [logging.NullHandler()]
    logging.basicConfig(level=logging.INFO, handlers=handlers + journal_handlers(), force=True)
