"""`kiosk serve board --terminal`: the terminal board in any browser, through textual-serve.

A lobby TV has no one to click and often no internet: the page (kiosk.web.sessions) has no
start splash, no outside font, and reconnects by itself. Each browser gets its own board
process; every one of them is ended when its browser leaves or the server stops.
"""

from __future__ import annotations

import sys
from pathlib import Path

from aiohttp import web

from kiosk.web.sessions import STATICS, TerminalSessions
from kiosk.web.site import run_site


def board_command(office_path: str, lang: str) -> list[str]:
    """How one browser's board process is started: this Python, this office (the store's
    URL goes in the environment, KIOSK_DB)."""
    return [sys.executable, "-m", "kiosk", "--office", office_path, "--lang", lang, "board"]


def board_app(sessions: TerminalSessions, argv: list[str]) -> web.Application:
    async def page(request: web.Request) -> web.Response:
        return sessions.page(request, "static/")

    async def socket(request: web.Request) -> web.StreamResponse:
        return await sessions.connect(request, argv)

    async def shutdown(app: web.Application) -> None:
        await sessions.stop_all()

    app = web.Application()
    app.add_routes([
        web.get("/", page, name="index"),
        web.get("/ws", socket, name="websocket"),
        web.get("/download/{key}", sessions.download, name="download"),
        web.static("/static", STATICS, name="static"),
    ])
    app.on_shutdown.append(shutdown)
    return app


def serve_board(db_url: str, office_path: str | Path, *, host: str, port: int, lang: str,
                title: str, reconnecting: str, cap: int = 20) -> int:
    sessions = TerminalSessions(title=title, lang=lang, reconnecting=reconnecting,
                                env={"KIOSK_DB": db_url}, cap=cap, full=f"board full ({cap})")
    app = board_app(sessions, board_command(str(office_path), lang))
    return run_site(app, host, port, "Papan antrean / queue board", after=sessions.kill_all)
