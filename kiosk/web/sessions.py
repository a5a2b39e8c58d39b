"""A Textual role in the browser through textual-serve: each browser session is a process of
the role of its own (`kiosk board`, `kiosk counter --counter N`, `kiosk survey …`), drawn in
the page, so the browser's PC installs nothing.

The page is our own: no start splash, no web font from an outside host (Roboto Mono comes
from textual-serve's own static folder), every URL relative to the page (so a role can live
at any path of one server), and a closed session reconnects by itself. A websocket from a
page of another origin is refused; past the cap no process is started. Every process is
ended when its browser leaves or the server stops, forcibly if it does not quit in time.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shlex
import signal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import jinja2
import textual_serve
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager
from textual_serve.server import Server, to_int

log = logging.getLogger("kiosk.web")

QUIT_GRACE = 2.0  # seconds a role's process gets to quit before it is killed
STATICS = Path(textual_serve.__file__).resolve().parent / "static"
CLOSE_FULL = 1013  # "try again later": the cap is reached

PAGE = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="{{ lang }}">
  <head>
    <meta charset="utf-8">
    <title>{{ title }}</title>
    <link rel="stylesheet" href="{{ static }}css/xterm.css">
    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ static }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
      }
      html, body { margin: 0; height: 100%; background: #0c181f; overflow: hidden; }
      #start { display: none; }
      .closed-note { display: none; position: absolute; inset: 0; align-items: center;
                     justify-content: center; color: #fff; font: 24px "Roboto Mono", monospace;
                     background: rgba(12, 24, 31, 0.85); z-index: 10; }
      body.-closed .closed-note { display: flex; }
    </style>
    <script src="{{ static }}js/textual.js"></script>
  </head>
  <body>
    <!-- textual.js looks for #start when ?delay is given; it is never shown here. -->
    <div id="start"></div>
    <div class="closed-note">{{ reconnecting }}</div>
    <div id="terminal" class="textual-terminal" data-font-size="{{ font_size }}"></div>
    <script>
      // The websocket beside the page, on the host and port it came from, whatever name
      // the browser used.
      (function () {
        var scheme = location.protocol === "https:" ? "wss:" : "ws:";
        var folder = location.pathname.replace(/[^\\/]*$/, "");
        document.getElementById("terminal").dataset.sessionWebsocketUrl =
          scheme + "//" + location.host + folder + "ws";
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
""")


class SessionProcess(AppService):
    """One browser's process, started without a shell in a session of its own so it can
    always be ended: asked to quit first, killed if it has not after QUIT_GRACE."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None, **kwargs: Any):
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
    """SIGKILL the role's process and anything it started (its own session)."""
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
            return
        except (ProcessLookupError, PermissionError):
            continue


def foreign_origin(request: web.Request) -> bool:
    """A websocket opened by a page of another site (a browser always sends Origin then)."""
    origin = request.headers.get("Origin")
    return origin is not None and urlparse(origin).netloc != request.host


class TerminalSessions:
    """The browser sessions of one role: the page, the websocket that runs a process for it,
    at most ``cap`` at once."""

    def __init__(self, *, title: str, lang: str, reconnecting: str, full: str, cap: int,
                 env: dict[str, str] | None = None) -> None:
        self.title, self.lang, self.reconnecting = title, lang, reconnecting
        self.full, self.cap, self.env = full, cap, env or {}
        self.services: set[SessionProcess] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.download_manager = DownloadManager()
        self.refused = 0

    def page(self, request: web.Request, static: str, title: str | None = None) -> web.Response:
        """The page; ``static`` is where textual-serve's static folder is, relative to it."""
        if "delay" in request.query:  # textual.js would wait for a click: nobody is there
            query = {k: v for k, v in request.query.items() if k != "delay"}
            raise web.HTTPFound(request.rel_url.with_query(query))
        html = PAGE.render(lang=self.lang, title=title or self.title, static=static,
                           reconnecting=self.reconnecting,
                           font_size=to_int(request.query.get("fontsize", "16"), 16))
        return web.Response(text=html, content_type="text/html",
                            headers={"Cache-Control": "no-store"})

    async def connect(self, request: web.Request, argv: list[str]) -> web.WebSocketResponse:
        """One browser's session: ``argv`` runs for it as long as its websocket is open."""
        if foreign_origin(request):
            raise web.HTTPForbidden(text="cross-origin websocket refused")
        websocket = web.WebSocketResponse(heartbeat=15)
        if len(self.services) >= self.cap:  # each session is a whole process: a cap
            self.refused += 1
            await websocket.prepare(request)
            await websocket.close(code=CLOSE_FULL, message=self.full.encode()[:120])
            return websocket
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: SessionProcess | None = None
        self.sockets.add(websocket)
        try:
            await websocket.prepare(request)
            service = SessionProcess(
                argv, env=self.env, write_bytes=websocket.send_bytes,
                write_str=websocket.send_str, close=websocket.close,
                download_manager=self.download_manager, debug=False)
            self.services.add(service)
            await service.start(width, height)
            await _MESSAGES._process_messages(websocket, service)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # a browser that went away mid-message
            log.debug("websocket: %r", error)
        finally:
            if service is not None:
                try:  # the process ends even when this handler is being cancelled
                    await asyncio.shield(self._end(service))
                except asyncio.CancelledError:
                    pass
            self.sockets.discard(websocket)
            if not websocket.closed:
                await websocket.close()
        return websocket

    async def download(self, request: web.Request) -> web.StreamResponse:
        return await Server.handle_download(self, request)  # type: ignore[arg-type]

    async def _end(self, service: SessionProcess) -> None:
        try:
            await service.stop()
        finally:
            self.services.discard(service)

    async def stop_all(self) -> None:
        await asyncio.gather(*(self._end(s) for s in list(self.services)),
                             return_exceptions=True)
        for websocket in list(self.sockets):
            await websocket.close()

    def kill_all(self) -> None:
        """Whatever survived the orderly shutdown."""
        for service in list(self.services):
            process = service._process
            if service.pid and process is not None and process.returncode is None:
                kill_group(service.pid)


# textual-serve's reading of the browser's messages (stdin, resize, ping, focus), borrowed
# from its Server: it uses nothing of the server but the websocket and the process.
_MESSAGES = Server("")
