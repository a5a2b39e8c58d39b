#!/bin/sh
# Writes the kiosk's systemd units for the whole box and says how to start them.
# Usage: sudo deploy/install.sh [--user NAME] [--host 0.0.0.0] [--port 8000] ...
# (every option of `kiosk install-units`; see `kiosk install-units --help`).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" exec "${PYTHON:-python3}" -m kiosk install-units --system "$@"
