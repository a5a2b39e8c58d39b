"""`kiosk serve board --terminal`: the terminal board in any browser, through textual-serve.

A lobby TV has no one to click and often no internet, so the page is our own: no start
splash, no web font from an outside host (Roboto Mono comes from textual-serve's own
static folder), every URL relative to the page, and a closed session reconnects by itself.
Each browser gets its own board process; every one of them is ended when its browser
leaves or the server stops, forcibly if it does not quit in time.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shlex
import signal
import sys
from pathlib import Path
from urllib.parse import urlparse

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("textual-serve")

QUIT_GRACE = 2.0  # seconds a board process gets to quit before it is killed

PAGE = """<!DOCTYPE html>
<html lang="id">
  <head>
    <meta charset="utf-8">
    <title>{{ application.name }}</title>
    <link rel="stylesheet" href="static/css/xterm.css">
    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
      }
      html, body { margin: 0; height: 100%; background: #0c181f; overflow: hidden; }
      #start { display: none; }
      .closed-note { display: none; position: absolute; inset: 0; align-items: center;
                     justify-content: center; color: #fff; font: 24px "Roboto Mono", monospace;
                     background: rgba(12, 24, 31, 0.85); z-index: 10; }
      body.-closed .closed-note { display: flex; }
    </style>
    <script src="static/js/textual.js"></script>
  </head>
  <body>
    <!-- textual.js looks for #start when ?delay is given; it is never shown here. -->
    <div id="start"></div>
    <div class="closed-note">{{ reconnecting }}</div>
    <div id="terminal" class="textual-terminal" data-font-size="{{ font_size }}"></div>
    <script>
      // The websocket on the host and port the page came from, whatever name the TV used.
      (function () {
        var scheme = location.protocol === "https:" ? "wss:" : "ws:";
        document.getElementById("terminal").dataset.sessionWebsocketUrl =
          scheme + "//" + location.host + "/ws";
        // When the session ends (server restarted, network gone), come back by itself.
        new MutationObserver(function () {
          if (!document.body.classList.contains("-closed")) return;
          var retry = function () {
            fetch(location.pathname, {cache: "no-store"})
              .then(function (r) { if (r.ok) location.reload(); else setTimeout(retry, 5000); })
              .catch(function () { setTimeout(retry, 5000); });
          };
          setTimeout(retry, 3000);
        }).observe(document.body, {attributes: true, attributeFilter: ["class"]});
      })();
    </script>
  </body>
</html>
"""


class BoardAppService(AppService):
    """One browser's board process, started without a shell in a session of its own so it
    can always be ended: asked to quit first, killed if it has not after QUIT_GRACE."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None, **kwargs):
        super().__init__(shlex.join(argv), **kwargs)
        self.argv, self.env = argv, env or {}

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        # The store's URL (and its password) through the environment, never on the argv
        # that `ps` shows every local user.
        return {**super()._build_environment(width, height), **self.env}

    async def _open_app_process(self, width: int = 80, height: int = 24):
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=self._build_environment(width, height),
            start_new_session=True)
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(super().stop(), QUIT_GRACE)
        except (asyncio.TimeoutError, Exception):  # deaf or gone: it is killed below
            pass
        await self.kill()

    async def kill(self) -> None:
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), 0.5)
            except asyncio.TimeoutError:
                kill_group(process.pid)
                await process.wait()
        if self._task is not None and not self._task.done():
            self._task.cancel()


def kill_group(pid: int) -> None:
    """SIGKILL the board process and anything it started (its own session)."""
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
            return
        except (ProcessLookupError, PermissionError):
            continue


class BoardServer(Server):
    """textual-serve's Server with our page and board processes that never outlive it."""

    def __init__(self, argv: list[str], *, host: str, port: int, title: str,
                 reconnecting: str = "", env: dict[str, str] | None = None, cap: int = 20,
                 full: str = ""):
        super().__init__(shlex.join(argv), host=host, port=port, title=title)
        self.argv, self.env, self.cap, self.full = argv, env or {}, cap, full
        self.reconnecting = reconnecting
        self.services: set[BoardAppService] = set()
        self.sockets: set[web.WebSocketResponse] = set()

    async def _make_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({"app_index.html": PAGE}),
                             autoescape=True)
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if "delay" in request.query:  # textual.js would wait for a click: nobody is there
            query = {k: v for k, v in request.query.items() if k != "delay"}
            raise web.HTTPFound(request.rel_url.with_query(query))
        return await self._page(request)

    @aiohttp_jinja2.template("app_index.html")
    async def _page(self, request: web.Request) -> dict:
        return {"font_size": to_int(request.query.get("fontsize", "16"), 16),
                "application": {"name": self.title}, "reconnecting": self.reconnecting}

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and urlparse(origin).netloc != request.host:
            raise web.HTTPForbidden(text="cross-origin websocket refused")
        websocket = web.WebSocketResponse(heartbeat=15)
        if len(self.services) >= self.cap:  # each session is a whole process: a cap
            await websocket.prepare(request)
            await websocket.close(code=1013, message=self.full.encode()[:120])
            return websocket
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: BoardAppService | None = None
        self.sockets.add(websocket)
        try:
            await websocket.prepare(request)
            service = BoardAppService(
                self.argv, env=self.env, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            self.services.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # a browser that went away mid-message
            log.debug("websocket: %r", error)
        finally:
            if service is not None:
                try:  # the board process ends even when this handler is being cancelled
                    await asyncio.shield(self._end(service))
                except asyncio.CancelledError:
                    pass
            self.sockets.discard(websocket)
            if not websocket.closed:
                await websocket.close()
        return websocket

    async def _end(self, service: BoardAppService) -> None:
        try:
            await service.stop()
        finally:
            self.services.discard(service)

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"Papan antrean / queue board: {self.public_url}  (Ctrl+C)")

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(self._end(s) for s in list(self.services)),
                             return_exceptions=True)
        for websocket in list(self.sockets):
            await websocket.close()

    def kill_all(self) -> None:
        for service in list(self.services):
            process = service._process
            if service.pid and process is not None and process.returncode is None:
                kill_group(service.pid)

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_exit)
        try:
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False,
                        loop=loop, print=lambda *args: None, shutdown_timeout=QUIT_GRACE + 1)
        except GracefulExit:
            pass
        finally:
            self.kill_all()  # whatever survived the orderly shutdown


def board_command(office_path: str, lang: str) -> list[str]:
    """How one browser's board process is started: this Python, this office (the store's
    URL goes in the environment, KIOSK_DB)."""
    return [sys.executable, "-m", "kiosk", "--office", office_path, "--lang", lang, "board"]


def serve_board(db_url: str, office_path: str | Path, *, host: str, port: int, lang: str,
                title: str, reconnecting: str, cap: int = 20) -> int:
    server = BoardServer(board_command(str(office_path), lang), host=host, port=port,
                         title=title, reconnecting=reconnecting, env={"KIOSK_DB": db_url},
                         cap=cap, full=f"board full ({cap})")
    server.serve()
    return 0
