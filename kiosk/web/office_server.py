"""`kiosk serve` and `kiosk serve counter`: the office's screens for browsers, from one
process on one port, each at its own path, with an index page linking them.

    /                  the index: a link to every screen served here
    /board/            the lobby TV's page (kiosk.web.live_board: one store follower for all)
    /counter/N/        counter N in the officer's browser: a `kiosk counter --counter N`
                       process per browser (textual-serve), behind the counter's own login
    /survey/N/         the survey screen facing the taxpayer at counter N, the same way

A counter number outside the office's profile is refused, as `kiosk counter --counter N`
refuses it, before any process is started. Every websocket from a page of another origin
is refused, and each role has a cap on its sessions (each one is a whole process).
"""

from __future__ import annotations

import asyncio
import html
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

from kiosk.desk.desk import Desk
from kiosk.desk.errors import DeskError
from kiosk.texts import both, say
from kiosk.web.live_board import LiveBoard
from kiosk.web.sessions import STATICS, TerminalSessions
from kiosk.web.site import run_site

ROLES = ("board", "counter", "survey")
STATIC = "../../static/"  # from /counter/N/ and /survey/N/
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def role_command(office_path: str, lang: str, role: str, counter: int) -> list[str]:
    """How one browser's process is started: this Python, this office (the store's URL
    goes in the environment, KIOSK_DB, never on the argv)."""
    return [sys.executable, "-m", "kiosk", "--office", office_path, "--lang", lang, role,
            "--counter", str(counter)]


@dataclass
class OfficeServer:
    """The aiohttp application serving ``roles`` of one office."""

    desk: Desk
    db_url: str
    lang: str = "id"
    roles: tuple[str, ...] = ROLES
    sessions_per_counter: int = 2  # an officer's second tab, a supervisor looking in
    sessions: dict[str, TerminalSessions] = field(default_factory=dict)
    board: LiveBoard | None = None

    def __post_init__(self) -> None:
        office = self.desk.office
        for role in ("counter", "survey"):
            if role in self.roles:
                self.sessions[role] = TerminalSessions(
                    title=office.name, lang=self.lang, env={"KIOSK_DB": self.db_url},
                    reconnecting=say("board_reconnecting", self.lang),
                    cap=self.sessions_per_counter * office.counters,
                    full=say("serve_full", "en", cap=self.sessions_per_counter * office.counters))
        if "board" in self.roles:
            self.board = LiveBoard(self.desk, self.lang)

    def make_app(self) -> web.Application:
        app = web.Application()
        app.add_routes([web.get("/", self.index),
                        web.static("/static", STATICS, name="static")])
        for role in self.sessions:
            app.add_routes([
                web.get(f"/{role}", _to_folder), web.get(f"/{role}/", self.index),
                web.get(f"/{role}/{{counter}}", _to_folder),
                web.get(f"/{role}/{{counter}}/", self.role_page(role)),
                web.get(f"/{role}/{{counter}}/ws", self.role_socket(role)),
                web.get(f"/{role}/{{counter}}/download/{{key}}", self.sessions[role].download),
            ])
        if self.board is not None:
            app.add_routes([web.get("/board", _to_folder)])
            app.add_subapp("/board/", self.board.make_app())
        app.on_shutdown.append(self._shutdown)
        return app

    # ----- requests ---------------------------------------------------------------------

    def _counter(self, request: web.Request) -> int:
        """The counter of the path, refused (404, in words) outside the office's profile."""
        text = request.match_info["counter"]
        try:
            counter = int(text) if text.isdigit() else -1
            self.desk.check_counter(counter)
        except DeskError as error:
            raise web.HTTPNotFound(text=error.message(self.lang)) from None
        return counter

    def role_page(self, role: str) -> Handler:
        async def handler(request: web.Request) -> web.Response:
            counter = self._counter(request)
            title = f"{say('board_counter', self.lang, counter=counter)} · {self.desk.office.name}"
            return self.sessions[role].page(request, STATIC, title)
        return handler

    def role_socket(self, role: str) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            counter = self._counter(request)
            argv = role_command(str(self.desk.office.path), self.lang, role, counter)
            return await self.sessions[role].connect(request, argv)
        return handler

    async def index(self, request: web.Request) -> web.Response:
        """Links to every screen served here (from /counter/: the counters only)."""
        office, lang = self.desk.office, self.lang
        shown = [r for r in self.roles if request.path in ("/", f"/{r}/")]
        links = []
        if "board" in shown:
            links.append(("board/", say("serve_link_board", lang)))
        for role in ("counter", "survey"):
            if role in shown:
                links += [(f"{role}/{n}/", say(f"serve_link_{role}", lang, counter=n))
                          for n in range(1, office.counters + 1)]
        base = "" if request.path == "/" else "../"
        items = "\n".join(f'    <li><a href="{base}{html.escape(href)}">{html.escape(text)}</a></li>'
                          for href, text in links)
        title = html.escape(f"{office.name} · {office.helpdesk_name}")
        page = (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
                f"<title>{title}</title>\n<style>body {{ font: 20px sans-serif; margin: 2em; }}"
                f" li {{ margin: 0.6em 0; }}</style></head>\n<body>\n  <h1>{title}</h1>\n"
                f"  <ul>\n{items}\n  </ul>\n</body>\n</html>\n")
        return web.Response(text=page, content_type="text/html",
                            headers={"Cache-Control": "no-store"})

    async def _shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(s.stop_all() for s in self.sessions.values()),
                             return_exceptions=True)

    def kill_all(self) -> None:
        for sessions in self.sessions.values():
            sessions.kill_all()


async def _to_folder(request: web.Request) -> web.StreamResponse:
    """/counter/2 → /counter/2/: the page's relative URLs are read from its folder."""
    raise web.HTTPFound(request.rel_url.with_path(request.path + "/"))


def serve_office(desk: Desk, db_url: str, *, host: str, port: int, lang: str,
                 roles: tuple[str, ...] = ROLES, sessions_per_counter: int = 2) -> int:
    server = OfficeServer(desk, db_url, lang, roles, sessions_per_counter)
    banner = both("serve_banner" if len(roles) > 1 else "serve_link_counter_all")
    return run_site(server.make_app(), host, port, banner, after=server.kill_all)

