"""Where ``kiosk serve`` does store work in its own process: in a worker thread, never on the
event loop. That is the web board's and the ticket page's reads, and on PostgreSQL the phone's
calls too; on SQLite the phone's calls go to the desk process (kiosk/web/desk_process.py).

On SQLite, one call at a time. The file takes one writer anyway, and every read and write is a
millisecond or two of Python: calls in several threads at once only hand the GIL to and fro, and
a write waits for it between each of its statements while holding the writers' turn. Bench
figure 5 (book and cancel, 8 clients, before the desk process) measured 4.6-4.9 ms of server CPU
a request with anyio's 40 threads, 4.1-4.3 with one. PostgreSQL's calls wait on the network with
the GIL released, so they keep anyio's pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, TypeVarTuple, Unpack

from anyio import CapacityLimiter, to_thread

_T = TypeVar("_T")
_Args = TypeVarTuple("_Args")


class StoreCalls:
    def __init__(self, one_at_a_time: bool) -> None:
        """``one_at_a_time``: the store is SQLite's."""
        self._limiter = CapacityLimiter(1) if one_at_a_time else None

    async def __call__(self, call: Callable[[Unpack[_Args]], _T], *args: *_Args) -> _T:
        return await to_thread.run_sync(call, *args, limiter=self._limiter)
