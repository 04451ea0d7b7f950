"""Worker processes end when the scan driver dies.

After ``kill -9`` of the driver nobody shuts the pool down, and a worker idling on its
queue (one holding a database connection) would stay for minutes. A daemon thread in
each worker watches its parent and ends the worker as soon as the parent is gone (the
worker is re-parented: ``getppid`` changes). Polling works on every POSIX system and,
unlike ``PR_SET_PDEATHSIG``, does not fire when merely the thread that forked ends.
"""

from __future__ import annotations

import os
import threading
import time

POLL_S = 1.0


def exit_with_parent(poll_s: float = POLL_S, parent: int | None = None) -> threading.Thread:
    """Start the watch in this (worker) process; returns its thread.

    ``parent`` is the driver's pid as the driver saw it (passed in the pool's initargs):
    a worker's own ``getppid()`` at start-up is already the re-parented pid when the
    driver died between forking it and the initializer running, and such a worker would
    then wait forever (seen: a worker of a killed driver still alive 20 minutes later).
    """
    if parent is None:
        parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_s)
        os._exit(1)  # no clean-up to wait for: the driver that would collect results is gone

    thread = threading.Thread(target=watch, name="kojin-parent-watch", daemon=True)
    thread.start()
    return thread
