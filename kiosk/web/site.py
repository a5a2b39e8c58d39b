"""Serving one aiohttp application until the service manager (or Ctrl+C) stops it."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

from aiohttp import web


def run_site(app: web.Application, host: str, port: int, banner: str,
             after: Callable[[], None] = lambda: None) -> int:
    """Serve ``app`` until SIGINT or SIGTERM; ``after`` runs once it has stopped, whatever
    happened (a taken port raises OSError for the caller to say)."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    stop: asyncio.Future[None] = loop.create_future()

    def ask_stop() -> None:
        if not stop.done():
            stop.set_result(None)

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, ask_stop)

    async def run() -> None:
        runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=3.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
            print(f"{banner}: http://{host}:{port}/  (Ctrl+C)", flush=True)
            await stop
        finally:
            await runner.cleanup()

    try:
        loop.run_until_complete(run())
    finally:
        after()
        loop.close()
    return 0
