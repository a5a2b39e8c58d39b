"""A separate process working through the real desk, started by the concurrency and
crash tests. Waits until START (epoch seconds) so all workers hit the store at once, then
prints one JSON line per attempt, after it is committed: {"ok": true, "number": …} or
{"ok": false, "key": …}.

    desk_worker.py URL OFFICE START book COUNT
    desk_worker.py URL OFFICE START serve COUNT COUNTER
    desk_worker.py URL OFFICE START checkin CODE…
    desk_worker.py URL OFFICE START quota QUOTA…
    desk_worker.py URL OFFICE START book-forever
    desk_worker.py URL OFFICE START login NAME PIN COUNTER
"""

import json
import sys
import time

from kiosk.desk.errors import DeskError
from kiosk.desk.store import open_desk


def say(**fields) -> None:
    print(json.dumps(fields), flush=True)


def attempt(action) -> None:
    try:
        say(ok=True, **action())
    except DeskError as exc:
        say(ok=False, key=exc.key, error=str(exc))


def main() -> None:
    url, office, start, action, *rest = sys.argv[1:]
    desk = open_desk(url, office)
    desk.status()  # connected before the start line
    time.sleep(max(0.0, float(start) - time.time()))
    if action == "book":
        for i in range(int(rest[0])):
            service = "perpajakan" if i % 2 else "aplikasi"
            attempt(lambda: {"number": desk.book(service, f"Wajib Pajak {chr(65 + i % 26)}").number})
    elif action == "book-forever":
        while True:  # until killed; a short pause so a kill lands anywhere in the cycle
            attempt(lambda: {"number": desk.book("perpajakan", "Yohanes Ndun").number})
            time.sleep(0.003)
    elif action == "serve":
        count, counter = int(rest[0]), int(rest[1])
        officer = f"officer{counter}"
        for _ in range(count):
            def serve():
                ticket = desk.call_next(counter, officer)
                desk.start(ticket.code, counter, officer)
                desk.finish(ticket.code, counter, officer, topic="uji")
                return {"number": ticket.number}
            attempt(serve)
            time.sleep(0.01)
    elif action == "checkin":
        for code in rest:
            attempt(lambda: {"number": desk.check_in(code).number})
    elif action == "login":  # a counter's login, opening the officer's session there
        from kiosk.desk.officers import Officers

        name, pin, counter = rest[0], rest[1], int(rest[2])
        attempt(lambda: {"counter": Officers(desk).open_session(name, pin, counter).counter})
    elif action == "quota":
        for quota in rest:
            attempt(lambda: {"quota": desk.set_quota(desk.today(), int(quota), "uji beban",
                                                     actor="supervisor").quota})
            time.sleep(0.05)


if __name__ == "__main__":
    main()
