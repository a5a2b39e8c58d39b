"""`kiosk serve board`: the board as a plain web page for the lobby TV.

One aiohttp server, one BoardFeed (one follower of the store) for every viewer; each
browser holds one server-sent-events stream and gets the whole picture whenever the day
changes (a few kilobytes). At most ``[board] viewers`` streams at once: the rest are told
so and come back later by themselves; a page from another origin is refused. Of the
viewers, the oldest one is the office's announcer (``[board] announcer = "page"``): only
it is told to play the chime and say the call, so one call is heard once however many
tabs are open.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from aiohttp import web

from kiosk.desk.desk import Desk
from kiosk.devices.calls import CallEvent
from kiosk.texts import say
from kiosk.web.board_feed import BoardFeed
from kiosk.web.site import run_site

log = logging.getLogger("kiosk.web")
PAGE_DIR = Path(__file__).resolve().parent / "page"
REFUSED_RETRY_MS = 30_000  # a refused browser asks again after this long
KEEPALIVE_SECONDS = 5.0


@dataclass(eq=False)
class Viewer:
    id: int
    queue: asyncio.Queue[str] = field(default_factory=asyncio.Queue)


def sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


class LiveBoard:
    def __init__(self, desk: Desk, lang: str = "id", *, cap: int | None = None) -> None:
        board = desk.office.board
        self.feed = BoardFeed(desk, lang)
        self.lang = lang
        self.cap = cap if cap is not None else board.viewers
        self.page_announces = board.speech and board.announcer == "page"
        self.viewers: list[Viewer] = []  # oldest first: the first is the announcer
        self.announced: list[tuple[int, str]] = []  # (viewer, call key): who was told to speak
        self.refused = 0
        self._ids = itertools.count(1)
        self.feed.on_change = self._changed

    # ----- the app ----------------------------------------------------------------------

    def make_app(self) -> web.Application:
        app = web.Application()
        app.add_routes([
            web.get("/", self.page),
            web.get("/events", self.events),
            web.get("/board.js", self.asset("board.js", "application/javascript")),
            web.get("/board.css", self.asset("board.css", "text/css")),
            web.get("/stats", self.stats),
        ])
        app.on_startup.append(self._startup)
        app.on_shutdown.append(self._shutdown)
        return app

    async def _startup(self, app: web.Application) -> None:
        self.feed.start()

    async def _shutdown(self, app: web.Application) -> None:
        for viewer in self.viewers:
            viewer.queue.put_nowait("")  # "" ends the stream
        await self.feed.stop()

    # ----- requests ---------------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        html = (PAGE_DIR / "board.html").read_text(encoding="utf-8")
        html = html.replace("{{lang}}", self.lang).replace(
            "{{title}}", _escape(self.feed.desk.office.name))
        return web.Response(text=html, content_type="text/html",
                            headers={"Cache-Control": "no-store"})

    def asset(self, name: str, kind: str):
        async def handler(request: web.Request) -> web.Response:
            return web.Response(body=(PAGE_DIR / name).read_bytes(), content_type=kind)
        return handler

    async def stats(self, request: web.Request) -> web.Response:
        """How many viewers, who announces, what was announced (for the office and tests)."""
        if not same_origin(request):
            raise web.HTTPForbidden(text=say("board_refused_origin", self.lang))
        return web.json_response({
            "viewers": [v.id for v in self.viewers], "cap": self.cap, "refused": self.refused,
            "announcer": self.viewers[0].id if self.viewers and self.page_announces else None,
            "announced": self.announced})

    async def events(self, request: web.Request) -> web.StreamResponse:
        if not same_origin(request):
            raise web.HTTPForbidden(text=say("board_refused_origin", self.lang))
        response = web.StreamResponse(headers={
            "Content-Type": "text/event-stream", "Cache-Control": "no-store",
            "X-Accel-Buffering": "no"})
        await response.prepare(request)
        if len(self.viewers) >= self.cap:
            self.refused += 1
            message = say("board_full", self.lang, cap=self.cap)
            await response.write(f"retry: {REFUSED_RETRY_MS}\n".encode()
                                 + sse("refused", {"message": message}).encode())
            return response
        viewer = Viewer(next(self._ids))
        self.viewers.append(viewer)
        try:
            await response.write(sse("hello", {"viewer": viewer.id}).encode())
            if self.feed.state:
                await response.write(sse("state", self.feed.state).encode())
            while True:
                try:
                    chunk = await asyncio.wait_for(viewer.queue.get(), KEEPALIVE_SECONDS)
                except asyncio.TimeoutError:
                    chunk = ": keepalive\n\n"  # finds a TV that went away
                if not chunk:
                    break
                await response.write(chunk.encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self.viewers.remove(viewer)
        return response

    # ----- what the feed says -----------------------------------------------------------

    def _changed(self, state: dict[str, Any], events: list[CallEvent]) -> None:
        chunk = sse("state", state)
        for viewer in self.viewers:
            viewer.queue.put_nowait(chunk)
        if not (events and self.page_announces and self.viewers):
            return
        announcer = self.viewers[0]
        for event in events:
            self.announced.append((announcer.id, event.key))
            announcer.queue.put_nowait(sse("announce", self.feed.announcement(event)))


def same_origin(request: web.Request) -> bool:
    """No Origin (same-origin GET, curl) or one naming this very host; a cross-site fetch
    is refused."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return urlparse(origin).netloc == request.host


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def serve_live_board(desk: Desk, *, host: str, port: int, lang: str) -> int:
    return run_site(LiveBoard(desk, lang).make_app(), host, port, "Papan antrean / queue board")
