"""Spoken calls: the Indonesian sentence for numbers 1–999 and counters 1–9, the call to the
speech engine (a stand-in), calls queued one after another, and never blocking the caller."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import threading
import time
import wave
from array import array
from pathlib import Path

import pytest

from data.office_settings import BoardSettings
from kiosk.devices.speech import Speaker, call_sentence, number_words, speaker_for

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                  reason="espeak-ng is not installed (CI installs it)")
UNITS = "nol satu dua tiga empat lima enam tujuh delapan sembilan".split()


def reference_words(n: int) -> str:
    """A second, independent spelling of 1–999, by the textbook rules."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if hundreds:
        words.append("seratus" if hundreds == 1 else f"{UNITS[hundreds]} ratus")
    if tens == 1:
        words.append({0: "sepuluh", 1: "sebelas"}.get(units, f"{UNITS[units]} belas"))
    else:
        if tens:
            words.append(f"{UNITS[tens]} puluh")
        if units:
            words.append(UNITS[units])
    return " ".join(words)


@pytest.mark.parametrize("n, words", [
    (1, "satu"), (7, "tujuh"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"),
    (19, "sembilan belas"), (20, "dua puluh"), (21, "dua puluh satu"), (99, "sembilan puluh sembilan"),
    (100, "seratus"), (101, "seratus satu"), (110, "seratus sepuluh"), (111, "seratus sebelas"),
    (115, "seratus lima belas"), (200, "dua ratus"), (305, "tiga ratus lima"),
    (999, "sembilan ratus sembilan puluh sembilan"),
])
def test_number_words_known_cases(n, words):
    assert number_words(n) == words


def test_number_words_every_number_1_to_999():
    spelled = [number_words(n) for n in range(1, 1000)]
    assert spelled == [reference_words(n) for n in range(1, 1000)]
    assert len(set(spelled)) == 999  # no two numbers sound the same
    for words in spelled:
        assert words == words.strip() and "  " not in words
        assert "satu ratus" not in words and "satu puluh" not in words and "satu belas" not in words


def test_call_sentence_for_every_number_and_counter():
    assert call_sentence(7, 1) == "Nomor antrean tujuh, silakan menuju loket Help Desk satu"
    for counter in range(1, 10):
        for number in range(1, 1000):
            sentence = call_sentence(number, counter)
            assert sentence == (f"Nomor antrean {reference_words(number)}, silakan menuju "
                                f"loket Help Desk {UNITS[counter]}")
    assert call_sentence(15, 2, "Loket Informasi").endswith("loket Loket Informasi dua")


def test_out_of_range_numbers_refused():
    with pytest.raises(ValueError):
        number_words(-1)
    assert number_words(1000) == "seribu"
    assert number_words(2024) == "dua ribu dua puluh empat"


class SlowEngine:
    """A stand-in for espeak-ng: takes a while per sentence and records overlaps."""

    def __init__(self, seconds: float = 0.15):
        self.seconds, self.calls, self.busy, self.overlapped = seconds, [], False, False
        self.lock = threading.Lock()

    def __call__(self, args):
        with self.lock:
            self.overlapped |= self.busy
            self.busy = True
        self.calls.append(list(args))
        time.sleep(self.seconds)
        with self.lock:
            self.busy = False


def test_the_engine_is_called_with_the_indonesian_voice_and_the_sentence():
    engine = SlowEngine(0.0)
    speaker = Speaker("/usr/bin/espeak-ng", voice="id", rate=130, run=engine)
    speaker.say(call_sentence(7, 1))
    speaker.wait(5)
    assert engine.calls == [["/usr/bin/espeak-ng", "-v", "id", "-s", "130",
                             "Nomor antrean tujuh, silakan menuju [[lok'Et]] Help Desk satu"]]
    speaker.close()


def test_calls_queue_up_in_order_and_never_block_the_caller():
    engine = SlowEngine(0.15)
    speaker = Speaker("espeak-ng", run=engine)
    sentences = [call_sentence(n, c) for n, c in ((1, 1), (2, 2), (3, 1))]
    started = time.monotonic()
    for sentence in sentences:
        speaker.say(sentence)
    assert time.monotonic() - started < 0.05  # the board never waits for speech
    speaker.wait(5)
    # all said, in order ("loket" respelled as people say it: lo-KET, not a schwa)
    assert [call[-1] for call in engine.calls] == [
        sentence.replace("loket", "[[lok'Et]]") for sentence in sentences]
    assert not engine.overlapped  # a new call waited for the one being spoken
    speaker.close()


def test_a_failing_engine_does_not_stop_the_next_call():
    said = []

    def flaky(args):
        if not said:
            said.append("boom")
            raise OSError("audio device busy")
        said.append(args[-1])

    speaker = Speaker("espeak-ng", run=flaky)
    speaker.say("satu")
    speaker.say("dua")
    speaker.wait(5)
    assert said == ["boom", "dua"]
    assert (speaker.failures, speaker.last_failure) == (1, "audio device busy")


def test_no_engine_means_silence_without_failure(sqlite_desk, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    speaker = speaker_for(sqlite_desk.office)
    assert not speaker.enabled
    speaker.say("Nomor antrean satu")  # nothing happens, nothing fails
    speaker.wait(1)
    speaker.close()


def test_speech_switch_in_the_profile(sqlite_desk, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    office = sqlite_desk.office
    assert speaker_for(office).enabled  # on by default where espeak-ng is installed
    off = dataclasses.replace(office, board=BoardSettings(speech=False))
    assert not speaker_for(off).enabled
    tuned = dataclasses.replace(office, board=BoardSettings(speech=True, voice="id+f3", rate=120))
    assert speaker_for(tuned).command("x") == ["/usr/bin/espeak-ng", "-v", "id+f3", "-s", "120",
                                                "x"]


@needs_espeak
def test_espeak_ng_for_real(tmp_path):
    import subprocess

    wav = tmp_path / "call.wav"
    subprocess.run(["espeak-ng", "-v", "id", "-w", str(wav), call_sentence(7, 1)], check=True,
                   timeout=30)
    assert wav.stat().st_size > 1000


def loud_seconds(wav: Path) -> float:
    """How long the recording is louder than a whisper (16-bit samples above 1/30 of full)."""
    with wave.open(str(wav)) as audio:
        assert (audio.getsampwidth(), audio.getnchannels()) == (2, 1)
        samples = array("h", audio.readframes(audio.getnframes()))
        return sum(abs(x) > 1000 for x in samples) / audio.getframerate()


@needs_espeak
def test_the_profile_speaker_runs_espeak_ng_for_real(sqlite_desk, tmp_path, monkeypatch):
    # The engine the speaker finds is espeak-ng itself, told also to keep what it says in a
    # WAV file, and to note each call: so we hear it whether or not there is a sound card.
    real = shutil.which("espeak-ng")
    (tmp_path / "bin").mkdir()
    engine = tmp_path / "bin" / "espeak-ng"
    engine.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> {tmp_path}/calls\n'
                      f'exec {real} -w {tmp_path}/call-$(wc -l < {tmp_path}/calls).wav "$@"\n')
    engine.chmod(0o755)
    monkeypatch.setenv("PATH", f"{engine.parent}{os.pathsep}{os.environ['PATH']}")
    speaker = speaker_for(sqlite_desk.office)
    assert speaker.enabled and speaker.command("x")[:3] == [shutil.which("espeak-ng"), "-v", "id"]
    started = time.monotonic()
    speaker.say(call_sentence(7, 1))
    speaker.say(call_sentence(8, 2))
    assert time.monotonic() - started < 0.05
    assert speaker.wait(30)  # said and done, one after the other
    speaker.close()
    assert (speaker.failures, speaker.last_failure) == (0, "")
    assert (tmp_path / "calls").read_text().splitlines() == [
        "-v id -s 140 Nomor antrean tujuh, silakan menuju [[lok'Et]] Help Desk satu",
        "-v id -s 140 Nomor antrean delapan, silakan menuju [[lok'Et]] Help Desk dua"]
    for n in (1, 2):  # each sentence is some seconds of speech, not a click or silence
        assert loud_seconds(tmp_path / f"call-{n}.wav") > 1.0


@needs_espeak
def test_a_failing_engine_is_logged_and_counted(sqlite_desk, caplog):
    office = dataclasses.replace(sqlite_desk.office, board=BoardSettings(voice="xx-no-such"))
    speaker = speaker_for(office)
    with caplog.at_level(logging.WARNING, logger="kiosk.speech"):
        speaker.say(call_sentence(7, 1))
        assert speaker.wait(30)
    speaker.close()
    assert speaker.failures == 1 and "voice" in speaker.last_failure, speaker.last_failure
    warned = [r.getMessage() for r in caplog.records if r.name == "kiosk.speech"]
    assert len(warned) == 1 and "voice" in warned[0] and "tujuh" in warned[0]


def test_a_chime_before_each_call_and_a_stale_call_dropped():
    engine = SlowEngine(0.05)
    speaker = Speaker("espeak-ng", run=engine, player="aplay")
    moved_on = threading.Event()
    speaker.say("satu")
    speaker.say("dua", still=lambda: not moved_on.is_set())
    moved_on.set()  # e.g. marked no-show while "satu" was being said
    speaker.say("tiga")
    speaker.wait(5)
    heard = [call[0] if call[0] == "aplay" else call[-1] for call in engine.calls]
    assert heard == ["aplay", "satu", "aplay", "tiga"]
    assert engine.calls[0][-1].endswith(".wav") and os.path.getsize(engine.calls[0][-1]) > 10000
    assert speaker.dropped == 1
    speaker.close()


@needs_espeak
def test_loket_is_said_lo_ket_not_with_a_schwa():
    import subprocess

    def phonemes(text: str) -> str:
        return subprocess.run(["espeak-ng", "-v", "id", "-q", "-x", text], capture_output=True,
                              text=True, timeout=30).stdout
    said = phonemes(Speaker("espeak-ng").command(call_sentence(7, 1))[-1])
    assert "k'Et" in said and "ok@t" not in said
    assert "ok@t" in phonemes("loket")  # what espeak-ng reads by itself


def test_the_terminal_board_speaks_only_when_it_is_the_announcer(sqlite_desk, monkeypatch):
    from kiosk.devices.speech import board_speaker

    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    office = sqlite_desk.office
    assert office.board.announcer == "page"  # the TV's page speaks by default
    assert not board_speaker(office).enabled
    box = dataclasses.replace(office, board=BoardSettings(announcer="terminal"))
    assert board_speaker(box).enabled
