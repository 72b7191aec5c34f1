"""One way to reach the core from the app: on one journal thread, awaited.

SQLite connections belong to one thread at a time and the interface must
never wait on the disk, so every core call that touches the journal runs on
a single dedicated thread: ``await runner.call(lambda core: core.save_entry(...))``
inside a ``@work`` coroutine. The result comes back, or the exception is
raised in the coroutine (a :class:`tui.errors.KaartError` then becomes one
notification through the screen's worker handler). ``runner.wait(job)``
blocks: only for threads that are not the interface's (and for tests).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from tui.core.kaart import Kaart

T = TypeVar("T")


class CoreRunner:
    def __init__(self, core: Kaart) -> None:
        self.core = core
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaart-journal")
        self._closed = False

    def submit(self, job: Callable[[Kaart], T]) -> Future[T]:
        if self._closed:  # the app is going: the journal thread is done, so run it right here
            future: Future[T] = Future()
            try:
                future.set_result(job(self.core))
            except BaseException as error:  # noqa: BLE001 - handed to whoever awaits it
                future.set_exception(error)
            return future
        return self._executor.submit(job, self.core)

    async def call(self, job: Callable[[Kaart], T]) -> T:
        """Run ``job(core)`` on the journal thread and await its result."""
        return await asyncio.wrap_future(self.submit(job))

    def wait(self, job: Callable[[Kaart], T]) -> T:
        return self.submit(job).result()

    def close(self) -> None:
        """Finish what was queued (drafts first of all), close the journal on its thread, stop.

        A job that still comes after this (a screen keeping its draft as the app
        goes) runs at once on the calling thread and opens the journal again.
        """
        if self._closed:
            return
        self._executor.submit(lambda: self.core.close()).result()
        self._closed = True
        self._executor.shutdown(wait=True)
