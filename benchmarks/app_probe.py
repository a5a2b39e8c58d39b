"""Run in a child process by the benchmarks: a role (or a bare one-line Textual app) headless.

    KIOSK_DB=URL python benchmarks/app_probe.py startup ROLE|bare|floor OFFICE
        runs `kiosk ROLE --db URL --office OFFICE` (its main(), headless) until the first
        frame of its screen is painted and the app is then idle; prints
        {"run": wall time App.run was called (everything before it: the imports, the
         command line, the profile, the store opened), "painted": wall time of that first
         frame, "ready": wall time when idle, "maxrss_kb": peak} and exits;
    KIOSK_DB=URL python benchmarks/app_probe.py board OFFICE
        runs the real board and, each time it shows a day's status (its show() method,
        wrapped here only), prints "shown ISSUED WALLTIME", then "painted ISSUED WALLTIME"
        when the next frame is rendered (App._display: headless, the frame is composed
        and rendered as on a screen, only not written), until killed.

The store's URL comes in the environment (KIOSK_DB), as `kiosk` reads it and the units pass
it: on the argv, a PostgreSQL URL's password would be shown by `ps` to every user.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def bare_app():
    from textual.app import App
    from textual.widgets import Label

    class Bare(App):
        def compose(self):
            yield Label("Help Desk")

    return Bare()


def floor_app():
    """Textual alone drawing the lobby's welcome: its widgets, ids, classes and style sheets
    (a copy of screens/lobby/welcome.py's compose, with fixed words), no kiosk code: the
    least any first screen like it can cost, for the start-up figures' reader."""
    from textual.app import App
    from textual.containers import Horizontal, Vertical
    from textual.screen import Screen
    from textual.widgets import Button, Static

    screens = Path(__file__).resolve().parent.parent / "screens"

    class LobbyScreen(Screen):  # the name welcome.tcss styles
        HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (160, "-wide")]
        VERTICAL_BREAKPOINTS = [(0, "-short"), (50, "-tall")]

        def compose(self):
            with Vertical(id="welcome"):
                with Horizontal(id="top"):
                    yield Static("KPP Pratama Kupang", id="office")
                    yield Static("Selasa, 1 Desember 2026 · 08.00 WITA", id="clock")
                yield Static("Selamat datang di Help Desk", id="greeting")
                yield Static("Sisa nomor hari ini: 15 dari 15", id="left")
                yield Static("Pilih layanan:", id="prompt")
                with Horizontal(id="services"):
                    for code in ("perpajakan", "aplikasi"):
                        yield Button(f"Konsultasi {code}\nPertanyaan", id=f"service-{code}",
                                     classes="service", variant="primary")
                with Horizontal(id="more"):
                    yield Button("Check-in", id="checkin", variant="success")
                    yield Button("Informasi", id="info")
                    yield Button("Nilai layanan", id="rate")
                    yield Button("English", id="language", variant="warning")
                yield Static("Tab / panah: pilih · Enter: tekan", id="hint")

    class Floor(App):  # the role screen's sheet read with the app's, as KioskApp reads it
        CSS_PATH = [screens / "common" / "app.tcss", screens / "lobby" / "welcome.tcss"]

        def get_default_screen(self):
            return LobbyScreen()

    return Floor()


def role_app(role: str, db: str, office: str):
    from kiosk.cli.main import spare_postgres_driver

    spare_postgres_driver(db)  # as `kiosk ROLE` does
    from kiosk.app.app import KioskApp, keep_startup_objects
    from kiosk.desk.store import open_desk

    app = KioskApp(open_desk(db, office), role)
    keep_startup_objects()  # as `kiosk ROLE` does
    return app


def startup(role: str, db: str, office: str) -> None:
    from textual.app import App

    painted: list[float] = []
    display = App._display

    def first_frame(self, screen, update) -> None:
        # Headless, the frame is composed and rendered like on a terminal, only not written.
        display(self, screen, update)
        if update is not None and not painted:
            painted.append(time.time())

    setattr(App, "_display", first_frame)  # wrapped in this probe process only
    ready: list[float] = []

    async def until_idle(pilot) -> None:
        await pilot.pause()  # the work started by the first screen has settled
        ready.append(time.time())
        pilot.app.exit()

    # The whole of `kiosk ROLE`: its command line parsed, its log, the store opened and
    # marked in use, the app; only run headless here (and the bare app alike).
    run = App.run
    called: list[float] = []

    def headless(self, *args, **kwargs):
        called.append(time.time())
        return run(self, headless=True, size=(80, 24), auto_pilot=until_idle)

    setattr(App, "run", headless)  # in this probe process only
    if role in ("bare", "floor"):
        (bare_app() if role == "bare" else floor_app()).run()
    else:
        from kiosk.cli.main import main

        main([role, "--db", db, "--office", office])
    print(json.dumps({"run": called[0], "painted": painted[0], "ready": ready[0],
                      "maxrss_kb": peak_rss_kb()}), flush=True)


def peak_rss_kb() -> int:
    """This program's peak resident memory. VmHWM rather than getrusage's ru_maxrss, which on
    Linux keeps the high-water mark of the (larger) benchmark process that forked this one."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def board(db: str, office: str) -> None:
    from textual.app import App

    from screens.board.board import BoardScreen

    shown = BoardScreen.show
    display = App._display
    pending: list[int] = []  # shown, not yet painted

    def show_and_tell(self, status):
        shown(self, status)
        pending.append(status.issued)
        print(f"shown {status.issued} {time.time():.6f}", flush=True)

    def paint_and_tell(self, screen, update) -> None:
        display(self, screen, update)
        if update is not None and pending:
            at = time.time()
            print(f"painted {max(pending)} {at:.6f}", flush=True)
            pending.clear()

    setattr(BoardScreen, "show", show_and_tell)  # wrapped in this probe process only
    setattr(App, "_display", paint_and_tell)
    role_app("board", db, office).run(headless=True, size=(80, 24))


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    store = os.environ["KIOSK_DB"]
    startup(rest[0], store, rest[1]) if mode == "startup" else board(store, rest[0])
