"""Spoken calls for the board: Indonesian number words and a speaker that queues.

The speaker runs espeak-ng in one background thread, one call after the other, so a new
call waits for the one being spoken instead of cutting it off, and the screen never waits.
A call whose ticket has moved on by its turn (``still()`` says no) is dropped; each call
may be preceded by a chime ("ting-tong", played with aplay when it is installed). The
office has one announcer (``[board] announcer``): the terminal board speaks only when it
is the one; otherwise the TV's browser does (kiosk/web).
Without espeak-ng (or with ``[board] speech = false`` in the profile) it does nothing.
A failing engine never disturbs the board, but it is not silent either: each failure is
logged (logger ``kiosk.speech``) and counted on the speaker.
"""

from __future__ import annotations

import logging
import math
import os
import queue
import shutil
import struct
import subprocess
import tempfile
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


# espeak-ng's Indonesian voice reads "loket" with a schwa (l'ok@t); people say lo-KET.
# [[...]] is espeak-ng's own phoneme input.
ESPEAK_RESPELLINGS = {"loket": "[[lok'Et]]"}


def espeak_text(sentence: str) -> str:
    """The sentence as espeak-ng should read it: its words respelled where it errs."""
    return " ".join(ESPEAK_RESPELLINGS.get(word, word) for word in sentence.split(" "))


def chime_wav() -> str:
    """A "ting-tong" (E5 then C5, ~1.3 s) as a WAV file, written once per process."""
    global _CHIME
    if _CHIME is None or not os.path.exists(_CHIME):
        rate, frames = 16000, bytearray()
        for freq, length in ((659.3, 0.55), (523.3, 0.8)):
            for i in range(int(rate * length)):
                fade = math.exp(-4 * i / (rate * length))
                frames += struct.pack("<h", int(12000 * fade * math.sin(2 * math.pi * freq * i / rate)))
        handle, path = tempfile.mkstemp(prefix="kiosk-chime-", suffix=".wav")
        os.close(handle)
        import wave  # at the first call announced, not when the board starts

        with wave.open(path, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(bytes(frames))
        _CHIME = path
    return _CHIME


_CHIME: str | None = None


class Speaker:
    """Says sentences one after another in a background thread.

    ``run`` is how one sentence is spoken (a list of arguments -> waits until it is said);
    tests hand in a stand-in. ``engine`` is the espeak-ng program, or None for silence.
    """

    def __init__(self, engine: str | None, *, voice: str = "id", rate: int = 140,
                 run: Callable[[Sequence[str]], object] | None = None,
                 player: str | None = None):
        self.engine, self.voice, self.rate = engine, voice, rate
        self.player = player  # plays the chime before each call (aplay); None: no chime
        self._run = run or _run_quietly
        self._queue: queue.Queue[tuple[str, Callable[[], bool]] | None] = queue.Queue()
        self.dropped = 0  # calls whose ticket had moved on by their turn
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.failures, self.last_failure = 0, ""  # what went wrong, for the log and tests

    @property
    def enabled(self) -> bool:
        return self.engine is not None

    def command(self, sentence: str) -> list[str]:
        return [self.engine or "espeak-ng", "-v", self.voice, "-s", str(self.rate),
                espeak_text(sentence)]

    def chime_command(self) -> list[str] | None:
        return [self.player, "-q", chime_wav()] if self.player else None

    def say(self, sentence: str, still: Callable[[], bool] = lambda: True) -> None:
        """Queue a sentence; returns at once. ``still`` is asked just before it is spoken:
        False (its ticket moved on) drops it."""
        if not self.enabled:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="board-speech",
                                                daemon=True)
                self._thread.start()
        self._queue.put((sentence, still))

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
            sentence, still = item
            if not still():
                self.dropped += 1
                continue
            chime = self.chime_command()
            for command in ([chime] if chime else []) + [self.command(sentence)]:
                try:
                    self._run(command)  # blocks until played: the next call waits
                except Exception as exc:  # a failing engine must never disturb the board
                    self.failures += 1
                    self.last_failure = str(exc) or type(exc).__name__
                    log.warning("speech failed for %r: %s", sentence, self.last_failure)


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
    player = shutil.which("aplay") if board.speech and board.chime else None
    return Speaker(engine, voice=board.voice, rate=board.rate, player=player)


def board_speaker(office: Office) -> Speaker:
    """The terminal board's speaker: the profile's, when the terminal is the office's
    announcer (``[board] announcer = "terminal"``); silent when the TV page is."""
    if office.board.announcer != "terminal":
        return Speaker(None)
    return speaker_for(office)
