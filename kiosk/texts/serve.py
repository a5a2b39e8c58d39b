"""Texts of the served screens (`kiosk serve`): the index page and the server's lines."""

TEXTS: dict[str, tuple[str, str]] = {
    "serve_banner": ("Layar Help Desk untuk peramban", "Help Desk screens for browsers"),
    "serve_link_board": ("Papan antrean (TV lobi)", "Queue board (lobby TV)"),
    "serve_link_counter": ("Loket {counter} (petugas)", "Counter {counter} (officer)"),
    "serve_link_counter_all": ("Loket Help Desk untuk peramban", "Help Desk counters for browsers"),
    "serve_link_survey": ("Survei kepuasan, loket {counter}", "Satisfaction survey, counter {counter}"),
    "serve_full": ("Layar sedang penuh ({cap} sesi). Coba lagi sebentar lagi.",
                   "All sessions are in use ({cap}). Try again in a moment."),
    "units_serve_instead": (
        "  (loket di peramban petugas juga: {ctl} disable --now kiosk-board.service; "
        "{ctl} enable --now {unit})",
        "  (the counters in the officers' browsers too: {ctl} disable --now kiosk-board.service; "
        "{ctl} enable --now {unit})"),
}
