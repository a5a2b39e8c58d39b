"""The systemd units of deploy/ as `kiosk install-units` writes them: systemd-analyze verify
passes on them (skipped, saying why, where it is absent), a crashed role is restarted, and
the backup unit's command really makes a backup of the store it names."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from data.database import init_store

ROOT = Path(__file__).resolve().parent.parent
ANALYZE = shutil.which("systemd-analyze")
needs_analyze = pytest.mark.skipif(
    ANALYZE is None, reason="systemd-analyze is not installed (apt-get install systemd)")


def install(tmp_path: Path, *args: str, db: str | None = None) -> tuple[Path, str]:
    dest = tmp_path / "units"
    store = db or str(tmp_path / "kiosk 100%.db")  # a space and a % sign: escaped for systemd
    done = subprocess.run([sys.executable, "-m", "kiosk", "--db", store, "install-units",
                           "--dest", str(dest), "--backups", str(tmp_path / "backups"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return dest, done.stdout


def unit_files(dest: Path) -> list[Path]:
    """The units written (the store's EnvironmentFile sits beside them with --dest)."""
    return sorted(p for p in dest.iterdir() if p.suffix in (".service", ".timer"))


def env_file_values(unit: str) -> dict[str, str]:
    """What systemd puts in the role's environment from the unit's EnvironmentFile=."""
    [path] = re.findall(r"^EnvironmentFile=(.*)$", unit, re.M)
    values = {}
    for line in Path(path.replace("%%", "%")).read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = shlex.split(line)[0].split("=", 1)
            values[key] = value
    return values


def verify(units: list[Path], user: bool, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if user:  # the user manager wants a runtime folder, as a login session has
        runtime = tmp_path / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = str(runtime)
    command = [str(ANALYZE), *(["--user"] if user else []), "verify", *map(str, units)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@needs_analyze
def test_the_system_units_pass_systemd_analyze_verify(tmp_path):
    dest, out = install(tmp_path, "--system", "--run-as", "root")
    units = unit_files(dest)
    assert [u.name for u in units] == ["kiosk-backup.service", "kiosk-backup.timer",
                                       "kiosk-board.service", "kiosk-lobby.service",
                                       "kiosk-serve.service"]
    checked = verify(units, user=False, tmp_path=tmp_path)
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr
    assert "systemctl enable --now kiosk-lobby.service kiosk-board.service kiosk-backup.timer" in out


@needs_analyze
def test_the_user_units_pass_systemd_analyze_verify(tmp_path):
    dest, out = install(tmp_path, "--user")
    units = unit_files(dest)
    assert "kiosk-lobby.service" not in [u.name for u in units]  # a console is the system's
    checked = verify(units, user=True, tmp_path=tmp_path)
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr
    assert "systemctl --user enable --now" in out and "--system" in out


@needs_analyze
def test_a_broken_unit_is_caught_by_the_same_check(tmp_path):
    dest, _ = install(tmp_path, "--system", "--run-as", "root")
    board = dest / "kiosk-board.service"
    board.write_text(board.read_text().replace(f'"{sys.executable}"', '"/nowhere/python3"'))
    checked = verify([board], user=False, tmp_path=tmp_path)
    assert checked.returncode != 0 or checked.stderr.strip()


def test_every_role_is_restarted_when_it_crashes(tmp_path):
    dest, _ = install(tmp_path, "--system", "--run-as", "root")
    for name in ("kiosk-lobby.service", "kiosk-board.service", "kiosk-backup.service",
                 "kiosk-serve.service"):
        assert "\nRestart=on-failure\n" in (dest / name).read_text(), name
    lobby = (dest / "kiosk-lobby.service").read_text()
    assert "TTYPath=/dev/tty1" in lobby and "Conflicts=getty@tty1.service" in lobby
    assert "User=root" in lobby and re.search(r"ExecStart=.* lobby\n", lobby)
    assert "OnCalendar=" in (dest / "kiosk-backup.timer").read_text()


def _specifier(match: re.Match) -> str:
    # systemd would put another value (the unit's name, the host...) for any other %x.
    assert match.group(1) == "%", f"an unescaped specifier %{match.group(1)} in the unit"
    return "%"


def systemd_words(line: str) -> list[str]:
    """ExecStart's words as systemd reads them (quotes, then %% for %)."""
    return [re.sub(r"%(.)", _specifier, word) for word in shlex.split(line)]


def test_the_backup_unit_backs_up_the_store_it_names(tmp_path):
    store = tmp_path / "kiosk 100%.db"
    init_store(str(store))
    dest, _ = install(tmp_path, "--user")
    unit = (dest / "kiosk-backup.service").read_text()
    env = dict(os.environ)
    for line in re.findall(r"^Environment=(.*)$", unit, re.M):
        key, value = systemd_words(line)[0].split("=", 1)
        env[key] = value
    env.update(env_file_values(unit))
    assert env["KIOSK_DB"] == str(store)
    [exec_start] = re.findall(r"^ExecStart=(.*)$", unit, re.M)
    done = subprocess.run(systemd_words(exec_start), env=env, capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "backups").glob("kiosk 100%-*.db"))) == 1


@pytest.mark.parametrize("where", ["--system", "--user"])
def test_the_store_password_is_in_an_owner_only_file_not_in_the_units(tmp_path, where):
    url = "postgresql://kiosk:s3cret-Pa55@db.kantor.lan:5432/kiosk"
    env_file = tmp_path / "etc" / "kiosk.env"
    env_file.parent.mkdir()
    env_file.write_text("KIOSK_DB=old\n")
    env_file.chmod(0o644)  # left readable by an older install: made owner-only again
    dest, out = install(tmp_path, where, "--run-as", "root", "--env-file", str(env_file), db=url)
    units = unit_files(dest)
    assert units and str(env_file) in out
    for unit in units:
        assert "s3cret" not in unit.read_text(), unit.name
    assert not [p for p in dest.iterdir() if "s3cret" in p.read_text()]
    for name in ("kiosk-board.service", "kiosk-backup.service"):
        assert env_file_values((dest / name).read_text()) == {"KIOSK_DB": url}
    info = env_file.stat()
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert info.st_uid == os.geteuid()  # root's for a system-wide install (systemd reads it)


@needs_analyze
def test_units_with_their_environment_file_pass_verify(tmp_path):
    dest, _ = install(tmp_path, "--system", "--run-as", "root",
                      db="postgresql://kiosk:s3cret@127.0.0.1:5432/kiosk")
    assert (dest / "kiosk.env").exists()
    assert stat.S_IMODE((dest / "kiosk.env").stat().st_mode) == 0o600
    checked = verify(unit_files(dest), user=False, tmp_path=tmp_path)
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr
