"""One calm banner while the store is in trouble, the same in every role.

The app's follower of the store (and any screen's store call that finds the store away)
posts StoreTrouble / StoreBack to the app; the keeper here shows one banner at the top of
the screen on top, updates it when the reason changes, moves it along when another screen
comes on top, says for a moment that the store answers again, then takes it away. What is
under it (the ticket in hand, the form being filled) stays as it was: the banner only takes
the top lines. The words are the catalogue's, never the driver's (that goes to the role log).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen, SystemModalScreen
from textual.timer import Timer
from textual.widgets import Static

from kiosk.desk.errors import DeskError

if TYPE_CHECKING:
    from screens.common.role_app import RoleApp

BACK_SECONDS = 3.0  # "the store answers again" stays this long, then the banner goes
PUBLIC_ROLES = ("lobby", "survey")  # taxpayers read it: the public's words, not the reason
OWN_ALERT_ROLES = ("board",)  # the board's TV layout has its own alert line (screens.board)


class StoreBanner(Static):
    """The banner itself: catalogue sentences, drawn as text (never markup)."""

    def __init__(self, text: str) -> None:
        super().__init__(text, id="store-banner", markup=False)


class StoreBannerKeeper:
    """Owned by the app: at most one StoreBanner in the whole app, on the screen on top."""

    def __init__(self, app: RoleApp) -> None:
        self.app = app
        self.error: DeskError | None = None  # the trouble being said, while it lasts
        self.back = False  # saying for a moment that the store answers again
        self._timer: Timer | None = None
        self._following = False

    @property
    def text(self) -> str | None:
        """What the banner says now, in the terminal's language; None: no banner."""
        app = self.app
        if app.role in OWN_ALERT_ROLES:
            return None
        public = app.role in PUBLIC_ROLES
        if self.error is not None:
            return app.t("lobby_store_down") if public else self.error.message(app.lang)
        if self.back:
            return app.t("store_back_public" if public else "store_back_said")
        return None

    def trouble(self, error: DeskError) -> None:
        """The store is in trouble, or its reason changed: the one banner says so."""
        self.error, self.back = error, False
        self._stop_timer()
        self._show()

    def recovered(self) -> None:
        """The store answers again: said briefly, then the banner goes by itself."""
        if self.error is None:
            return
        self.error, self.back = None, True
        self._stop_timer()
        self._timer = self.app.set_timer(BACK_SECONDS, self._gone)
        self._show()

    def _gone(self) -> None:
        self.back, self._timer = False, None
        self._show()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _moved(self, screen: Screen) -> None:
        if self.text is not None:
            self._show()

    def _show(self) -> None:
        app = self.app
        if not app.is_running:
            return
        if not self._following:  # another screen on top takes the banner along
            app.screen_change_signal.subscribe(app, self._moved)
            self._following = True
        text = self.text
        top = app.screen
        if isinstance(top, SystemModalScreen):  # the command palette: the banner stays below
            top = next((s for s in reversed(app.screen_stack)
                        if not isinstance(s, SystemModalScreen)), top)
        for screen in app.screen_stack:
            for old in list(screen.query(StoreBanner).results(StoreBanner)):
                if screen is not top or text is None:
                    old.remove()
        if text is None:
            return
        banner = next(iter(top.query(StoreBanner).results(StoreBanner)), None)
        if banner is None:
            banner = StoreBanner(text)
            top.mount(banner)
        else:
            banner.update(text)
        banner.set_class(self.error is None, "-back")
        banner.set_class(app.role not in PUBLIC_ROLES, "-bottom")
