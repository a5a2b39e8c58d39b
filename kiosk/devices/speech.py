"""Spoken calls for the board: Indonesian number words and a speaker that queues.

The speaker runs espeak-ng in one background thread, one call after the other, so a new
call waits for the one being spoken instead of cutting it off, and the screen never waits.
Without espeak-ng (or with ``[board] speech = false`` in the profile) it does nothing.
A failing engine never disturbs the board, but it is not silent either: each failure is
logged (logger ``kiosk.speech``) and counted on the speaker.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from typing import Callable, Sequence

from data.office import Office
from kiosk.texts import say

log = logging.getLogger("kiosk.speech")

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def number_words(n: int) -> str:
    """Indonesian words for 0 … 999 999 ("seratus dua puluh tiga")."""
    if not 0 <= n < 1_000_000:
        raise ValueError(f"number out of range: {n}")
    if n < 10:
        return _UNITS[n]
    if n < 20:
        if n == 10:
            return "sepuluh"
        if n == 11:
            return "sebelas"
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return _join(f"{_UNITS[tens]} puluh", rest)
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_UNITS[hundreds]} ratus"
        return _join(head, rest)
    thousands, rest = divmod(n, 1000)
    head = "seribu" if thousands == 1 else f"{number_words(thousands)} ribu"
    return _join(head, rest)


def _join(head: str, rest: int) -> str:
    return f"{head} {number_words(rest)}" if rest else head


def call_sentence(number: int, counter: int, desk_name: str = "Help Desk") -> str:
    """"Nomor antrean tujuh, silakan menuju loket Help Desk satu"."""
    return say("speech_call", "id", number=number_words(number), desk=desk_name,
               counter=number_words(counter))


class Speaker:
    """Says sentences one after another in a background thread.

    ``run`` is how one sentence is spoken (a list of arguments -> waits until it is said);
    tests hand in a stand-in. ``engine`` is the espeak-ng program, or None for silence.
    """

    def __init__(self, engine: str | None, *, voice: str = "id", rate: int = 140,
                 run: Callable[[Sequence[str]], object] | None = None):
        self.engine, self.voice, self.rate = engine, voice, rate
        self._run = run or _run_quietly
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.failures, self.last_failure = 0, ""  # what went wrong, for the log and tests

    @property
    def enabled(self) -> bool:
        return self.engine is not None

    def command(self, sentence: str) -> list[str]:
        return [self.engine or "espeak-ng", "-v", self.voice, "-s", str(self.rate), sentence]

    def say(self, sentence: str) -> None:
        """Queue a sentence; returns at once."""
        if not self.enabled:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="board-speech",
                                                daemon=True)
                self._thread.start()
        self._queue.put(sentence)

    def wait(self, timeout: float | None = None) -> bool:
        """Until everything queued has been said (for tests and a tidy exit); False if the
        timeout came first."""
        if self._thread is None:
            return True
        done = threading.Event()
        self._queue.put(done)  # type: ignore[arg-type]
        return done.wait(timeout)

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            try:
                self._run(self.command(item))  # blocks until said: the next call waits
            except Exception as exc:  # a failing speech engine must never disturb the board
                self.failures += 1
                self.last_failure = str(exc) or type(exc).__name__
                log.warning("speech failed for %r: %s", item, self.last_failure)


def _run_quietly(args: Sequence[str]) -> None:
    done = subprocess.run(list(args), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=60, check=False)
    if done.returncode != 0:  # e.g. a voice the engine does not have
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise OSError(f"{args[0]} exited with {done.returncode}: {said[-1] if said else ''}")


def speaker_for(office: Office) -> Speaker:
    """The board's speaker from the profile's ``[board]`` table (speech, voice, rate)."""
    board = office.board
    engine = shutil.which("espeak-ng") if board.speech else None
    return Speaker(engine, voice=board.voice, rate=board.rate)
