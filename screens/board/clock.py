"""The date and time at the top of the board, redrawn in place.

Only the minute changes during a day, and a clock that changed its width would move what
stands beside it and cost a layout of the whole screen: the clock is as wide as the widest
line of its language (the longest weekday and month), right-aligned, and a new minute only
repaints it (no layout). It looks at the time every second and repaints only when the line
differs, so an idle board does nearly nothing between minutes.
"""

from __future__ import annotations

import datetime as dt

from textual import getters
from textual.widgets import Label

from kiosk.texts.dates import clock_line
from screens.common.role_app import RoleApp


def widest_clock_line(now: dt.datetime, lang: str) -> int:
    """The most cells a clock line of ``lang`` takes in any week and month (a two-digit day)."""
    days = (dt.datetime(now.year, month, day, 23, 59, tzinfo=now.tzinfo)
            for month in range(1, 13) for day in range(22, 29))  # every weekday of each month
    return max(len(clock_line(day, lang)) for day in days)


class BoardClock(Label):
    app = getters.app(RoleApp)
    DEFAULT_CSS = "BoardClock { text-align: right; }"

    def on_mount(self) -> None:
        self.line = ""
        self.styles.width = widest_clock_line(self.app.desk.local_now(), self.app.lang)
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        line = clock_line(self.app.desk.local_now(), self.app.lang)
        if line != self.line:
            self.line = line
            self.update(line, layout=False)  # the width is fixed: a repaint is enough
