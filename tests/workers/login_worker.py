"""A separate process trying one login at the counter, started by the lockout tests.
Opens the store, says "ready" (a file), waits for GO (a file) so all workers try at once,
then prints one JSON line: {"ok": true} or {"ok": false, "key": …}.

    login_worker.py URL OFFICE READY_FILE GO_FILE NAME PIN
"""

import json
import os
import sys
import time

from kiosk.desk.errors import DeskError
from kiosk.desk.officers import Officers
from kiosk.desk.store import open_desk


def main(url: str, office: str, ready: str, go: str, name: str, pin: str) -> None:
    officers = Officers(open_desk(url, office))
    officers.any()  # connected before the start
    open(ready, "w").close()
    deadline = time.monotonic() + 60
    while not os.path.exists(go) and time.monotonic() < deadline:
        time.sleep(0.002)
    try:
        officers.login(name, pin, counter=1)
        print(json.dumps({"ok": True}), flush=True)
    except DeskError as exc:
        print(json.dumps({"ok": False, "key": exc.key}), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:7])
