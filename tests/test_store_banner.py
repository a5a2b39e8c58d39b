"""Issue 14: a store in trouble is one calm banner in the terminal's language, in every role,
never a raw driver message and never a stack of toasts; it updates in place while the trouble
lasts, says briefly that the store answers again, then goes by itself. What the person was
doing (the ticket in hand, the form being filled) stays as it was under it."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from conftest import ALWAYS_OPEN
from kiosk.app.app import KioskApp
from kiosk.desk.errors import StoreUnavailable
from kiosk.desk.store import open_desk
from kiosk.texts import say
from pilot_helpers import banner_text, click_ready, until
from screens.common.store_banner import StoreBanner
from screens.counter.hand import TicketInHand
from screens.lobby.take import TakeScreen
from test_counter_helpers import add_officers, logged_in, wait_for

# psycopg2's own line when the server is stopped: English, with an address in it.
DRIVER = ('connection to server at "10.20.30.40", port 5432 failed: Connection refused '
          'Is the server running on that host and accepting TCP/IP connections?')
DRIVER_WORDS = ("Connection refused", "10.20.30.40", "TCP/IP", "failed")


def banners(app) -> int:
    """StoreBanner widgets in the whole app, on every screen of the stack."""
    return sum(len(screen.query(StoreBanner)) for screen in app.screen_stack)


def toasts(app) -> int:
    """Notifications waiting or shown, and Toast widgets on any screen."""
    return len(app._notifications) + sum(len(s.query(Toast)) for s in app.screen_stack)


def hand_text(day) -> str:
    hand = day.query_one(TicketInHand)
    return "\n".join(str(w.render()) for w in hand.query(Static))


def everything_said(app) -> str:
    return "\n".join(str(w.render()) for s in app.screen_stack for w in s.query(Static))


class Down:
    """Desk methods that raise StoreUnavailable, as the guard does when PostgreSQL refuses;
    counts how often they were asked."""

    def __init__(self, monkeypatch, desk, *names: str, key: str = "store_refused") -> None:
        self.calls, self.key = 0, key
        for name in names:
            monkeypatch.setattr(desk, name, self)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        raise StoreUnavailable(DRIVER, key=self.key)


async def test_the_counter_shows_one_banner_over_the_ticket_in_hand(sqlite_desk, monkeypatch):
    desk = sqlite_desk
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    desk.book("aplikasi", "Ani Lestari")
    app = KioskApp(desk, "counter", counter=1)
    async with app.run_test(size=(80, 24)) as pilot:
        day = await logged_in(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: day.in_hand is not None)
        hand_before = hand_text(day)
        assert "1" in hand_before, hand_before
        down = Down(monkeypatch, desk, "status", "recall", "call_next", "start", "detail")
        app.follower.refresh()  # as after any terminal's write: the follower reads
        await wait_for(pilot, lambda: banners(app) == 1)
        # The officer tries again and again; the follower retries by itself meanwhile.
        for key in ("r", "s", "r", "s"):
            await pilot.press(key)
            await wait_for(pilot, lambda: not day.busy)
        await wait_for(pilot, lambda: down.calls >= 7, timeout=20)
        said = say("store_refused_said", "id")
        assert banners(app) == 1 and toasts(app) == 0
        assert banner_text(app) == said
        shown = everything_said(app)
        assert not any(word in shown for word in DRIVER_WORDS), shown
        # Under the banner the ticket in hand is as it was.
        assert day.in_hand is not None and day.in_hand.ticket.number == 1
        assert hand_text(day) == hand_before
        banner = app.screen.query_one(StoreBanner)
        assert banner.region.height <= 3 and not banner.region.overlaps(
            day.query_one(TicketInHand).region)
        # Another reason: the same banner, updated in place.
        down.key = "store_not_answering"
        await pilot.press("r")
        await wait_for(pilot, lambda: banner_text(app) == say("store_not_answering_said", "id"))
        assert banners(app) == 1 and toasts(app) == 0
        # The store answers again: said briefly, then the banner goes by itself.
        monkeypatch.undo()
        await wait_for(pilot, lambda: banner_text(app) == say("store_back_said", "id"))
        await wait_for(pilot, lambda: banners(app) == 0)
        assert toasts(app) == 0
        await pilot.press("s")
        await wait_for(pilot, lambda: day.in_hand.ticket.state == "serving")


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_lobby_form_stays_filled_under_the_banner(sqlite_desk, monkeypatch, lang):
    app = KioskApp(sqlite_desk, "lobby", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#service-perpajakan")
        await until(pilot, lambda: isinstance(app.screen, TakeScreen))
        await click_ready(pilot, "#status-self", timeout=10)  # a fresh touch only
        await until(pilot, lambda: app.screen.query_one("#name", Input).has_focus)
        await pilot.press(*"Maria Bria")
        form = app.screen
        step = form.query_one("#steps").current
        down = Down(monkeypatch, sqlite_desk, "status", "book", "day_options")
        app.follower.refresh()
        await until(pilot, lambda: banners(app) == 1)
        await until(pilot, lambda: down.calls >= 3, timeout=20)  # retried, still one banner
        assert banners(app) == 1 and toasts(app) == 0
        assert banner_text(app) == say("lobby_store_down", lang)  # the public's words
        assert not any(word in everything_said(app) for word in DRIVER_WORDS)
        assert app.screen is form and form.query_one("#steps").current == step
        assert form.query_one("#name", Input).value == "Maria Bria"
        monkeypatch.undo()
        await until(pilot, lambda: banner_text(app) == say("store_back_public", lang))
        await until(pilot, lambda: banners(app) == 0, timeout=10)
        assert form.query_one("#name", Input).value == "Maria Bria" and toasts(app) == 0


async def test_the_banner_follows_the_screen_on_top(sqlite_desk, monkeypatch):
    """A screen pushed while the store is away carries the one banner; the one below none."""
    app = KioskApp(sqlite_desk, "lobby")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        Down(monkeypatch, sqlite_desk, "status")
        app.follower.refresh()
        await until(pilot, lambda: banners(app) == 1)
        await pilot.click("#info")
        await until(pilot, lambda: len(app.screen_stack) == 2
                    and len(app.screen.query(StoreBanner)) == 1)
        assert banners(app) == 1 and not app.screen_stack[0].query(StoreBanner)
        await pilot.press("escape")
        await until(pilot, lambda: len(app.screen_stack) == 1
                    and len(app.screen.query(StoreBanner)) == 1)
        assert banners(app) == 1


async def test_the_survey_terminal_shows_the_banner_too(sqlite_desk, monkeypatch):
    app = KioskApp(sqlite_desk, "survey", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        Down(monkeypatch, sqlite_desk, "status")
        app.follower.refresh()
        await until(pilot, lambda: banners(app) == 1)
        assert banner_text(app) == say("lobby_store_down", "en") and toasts(app) == 0
        monkeypatch.undo()
        await until(pilot, lambda: banners(app) == 0, timeout=10)


async def test_postgresql_refusing_is_one_translated_banner_at_the_counter(own_pg, clock):
    """The real thing: the server stopped under a running counter (a throwaway cluster)."""
    desk = open_desk(own_pg.url, ALWAYS_OPEN, clock=clock, create=True)
    add_officers(desk)
    desk.book("perpajakan", "Budi Santoso")
    app = KioskApp(desk, "counter", counter=1)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            day = await logged_in(pilot)
            await pilot.press("n")
            await wait_for(pilot, lambda: day.in_hand is not None)
            try:
                own_pg.stop()
                await wait_for(pilot, lambda: app.follower.trouble is not None
                               and banners(app) == 1, timeout=20)
                for _ in range(3):  # tried again and again, by the officer and by itself
                    await pilot.press("r")
                    await wait_for(pilot, lambda: not day.busy, timeout=20)
                assert app.follower.trouble.key == "store_refused", app.follower.trouble
                assert banner_text(app) == say("store_refused_said", "id")
                assert banners(app) == 1 and toasts(app) == 0
                shown = everything_said(app)
                assert "refused" not in shown.lower() and "server at" not in shown, shown
                assert day.in_hand is not None and day.in_hand.ticket.number == 1
            finally:
                own_pg.start()
            await wait_for(pilot, lambda: banners(app) == 0, timeout=30)
            assert app.follower.trouble is None and toasts(app) == 0
    finally:
        desk.db.close()
