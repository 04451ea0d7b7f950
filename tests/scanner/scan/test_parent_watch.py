"""A worker outlives no killed driver (the issue: workers stayed for minutes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DRIVER = """
import os, sys, time
from concurrent.futures import ProcessPoolExecutor
from scanner.scan.parent_watch import exit_with_parent

def init():
    exit_with_parent(0.1)

def pid():
    return os.getpid()

if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2, initializer=init)
    print(pool.submit(pid).result(), flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its (gone) parent counts as gone
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_exit_when_the_driver_is_killed(tmp_path):
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's scanner package
    driver = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              env=env)  # fmt: skip
    try:
        worker = int(driver.stdout.readline())
        assert _alive(worker)
        driver.send_signal(signal.SIGKILL)
        driver.wait(10)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(worker)
    finally:
        driver.kill()


ORPHAN = """
import os, time
from scanner.scan.parent_watch import exit_with_parent

# the driver that forked this worker died before its initializer ran: getppid() is
# already the re-parented pid, so only the driver's pid passed in says who to watch
exit_with_parent(0.05, parent=os.getppid() + 1_000_000)
time.sleep(10)
print("survived", flush=True)
"""


def test_a_worker_whose_driver_died_before_its_watch_began_exits(tmp_path):
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.monotonic()
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=30)  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
    assert time.monotonic() - start < 8


def test_the_pool_tells_its_workers_the_drivers_pid(monkeypatch):
    from scanner.scan import executors

    seen = {}

    class Pool:
        def __init__(self, max_workers, initializer, initargs):
            seen["initargs"] = initargs

        def submit(self, *a, **k):
            raise RuntimeError("stop here")

        def shutdown(self, *a, **k):
            pass

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", Pool)
    with pytest.raises(RuntimeError, match="stop here"):
        list(executors._pool_round(len, [1], [0], {}, 1, [], None, lambda t, m: None))
    assert seen["initargs"][-1] == os.getpid()
