"""A separate process that books or calls through the real desk, started by the
concurrency tests. Waits until START (epoch seconds) so all workers hit the store at once,
then prints one JSON line per attempt: {"ok": ..., "number"|"error": ...}."""

import json
import sys
import time

from kiosk.errors import DeskError
from kiosk.store import open_desk


def main() -> None:
    url, office, action, count, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    counter = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    desk = open_desk(url, office)
    desk.status()  # connect before the start line
    time.sleep(max(0.0, start - time.time()))
    for i in range(count):
        try:
            if action == "book":
                ticket = desk.book("perpajakan" if i % 2 else "aplikasi", f"Wajib Pajak {chr(65 + i % 26)}")
                print(json.dumps({"ok": True, "number": ticket.number}), flush=True)
            elif action == "serve":
                ticket = desk.call_next(counter, f"officer{counter}")
                desk.start(ticket.code, counter, f"officer{counter}")
                desk.finish(ticket.code, counter, f"officer{counter}", topic="uji")
                print(json.dumps({"ok": True, "number": ticket.number}), flush=True)
        except DeskError as exc:
            print(json.dumps({"ok": False, "key": exc.key, "error": str(exc)}), flush=True)
            if action == "serve" and exc.key == "nobody_waiting":
                break


if __name__ == "__main__":
    main()
