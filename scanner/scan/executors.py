"""Where work units run: in this process, in worker processes, or on a Dask cluster.

Units and source configs are plain picklable data; a worker builds the detector, its
runner and the source objects once and reuses them for every unit it runs. Results come back to the
driver, which alone writes files and the inventory.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from connectors.base import Source, WorkUnit, safe_error_message
from scanner.findings import ScanError
from scanner.fingerprint import Fingerprinter
from scanner.scan.options import Executor
from scanner.scan.runner import Runner, UnitResult


@dataclass(frozen=True)
class Task:
    """One unit to run, with what a worker needs to run it."""

    source_config: Any  # a pydantic source config (picklable)
    unit: WorkUnit


def run_unit_with_retry(runner: Runner, source: Source, unit: WorkUnit) -> UnitResult:
    """Run one unit; an exception is retried once, then becomes a reported failure."""
    last: BaseException | None = None
    for _attempt in range(2):
        try:
            return runner.run(source, unit)
        except Exception as exc:  # noqa: BLE001 - reported, never raised
            last = exc
    assert last is not None
    return failed_result(unit, safe_error_message(last))


def failed_result(unit: WorkUnit, message: str) -> UnitResult:
    error = ScanError(unit.source, {"unit": unit.key}, "unit_failed", message)
    return UnitResult(unit=unit, errors=[error])


class _WorkerState:
    """Per-process cache: one runner per detector settings and key, one source per config."""

    def __init__(self) -> None:
        self.detectors: dict[tuple, Any] = {}
        self.runners: dict[tuple, Runner] = {}
        self.sources: dict[str, Source] = {}

    def runner(self, settings: dict, fingerprinter: Fingerprinter | None = None) -> Runner:
        """A runner with the loaded detector for ``settings``, fingerprinting with
        ``fingerprinter``."""
        key = (settings["mode"], tuple(settings["entities"] or ()), settings["threshold"])
        if (key, fingerprinter) not in self.runners:
            self.runners[(key, fingerprinter)] = Runner(self.detector(settings), fingerprinter)
        return self.runners[(key, fingerprinter)]

    def detector(self, settings: dict) -> Any:
        """The loaded detector for ``settings``, one per process."""
        from scanner.detect.detector import Detector

        key = (settings["mode"], tuple(settings["entities"] or ()), settings["threshold"])
        if key not in self.detectors:
            self.detectors[key] = Detector(
                mode=settings["mode"],
                entities=settings["entities"],
                threshold=settings["threshold"],
            ).load()
        return self.detectors[key]

    def source(self, config) -> Source:
        from connectors.registry import create_source

        key = config.model_dump_json()
        if key not in self.sources:
            self.sources[key] = create_source(config)
        return self.sources[key]


# A worker process's own state, created by the pool initialiser or on first use in a
# Dask worker; the driver never touches it.
_WORKER: _WorkerState | None = None


def _worker_state() -> _WorkerState:
    global _WORKER
    if _WORKER is None:
        _WORKER = _WorkerState()
    return _WORKER


def worker_detector(settings: dict) -> Any:
    """This worker's detector for ``settings`` (loaded once per process)."""
    return _worker_state().detector(settings)


def worker_source(config: Any) -> Source:
    """This worker's source for ``config`` (made once per process)."""
    return _worker_state().source(config)


def _init_worker(
    settings: dict, fingerprinter: Fingerprinter | None = None, driver: int | None = None
) -> None:
    import signal

    from scanner.scan.parent_watch import exit_with_parent

    # Ctrl-C reaches the whole process group: the driver stops the pool and says how to
    # resume; a worker must not die with a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent=driver)  # a killed driver leaves no worker behind
    _worker_state().runner(settings, fingerprinter)  # load once, before the first unit


def run_task_in_worker(
    task: Task, settings: dict, fingerprinter: Fingerprinter | None = None
) -> UnitResult:
    state = _worker_state()
    return run_unit_with_retry(
        state.runner(settings, fingerprinter), state.source(task.source_config), task.unit
    )


def run_serial(
    tasks: Sequence[Task], sources: dict[str, Source], runner: Runner
) -> Iterator[UnitResult]:
    for task in tasks:
        yield run_unit_with_retry(runner, sources[task.unit.source], task.unit)


def run_processes(
    tasks: Sequence[Task],
    settings: dict,
    workers: int,
    fingerprinter: Fingerprinter | None = None,
) -> Iterator[UnitResult]:
    """A process pool; a worker that dies is replaced and the units it took down retried
    (see ``retrying_pool``)."""
    return retrying_pool(
        run_task_in_worker, tasks, settings, workers, fingerprinter,
        lambda task, message: failed_result(task.unit, message),
    )  # fmt: skip


def retrying_pool(
    call: Callable[..., Any],
    tasks: Sequence[Any],
    settings: dict,
    workers: int,
    fingerprinter: Fingerprinter | None,
    failed: Callable[[Any, str], Any],
) -> Iterator[Any]:
    """``call(task, settings, fingerprinter)`` in a process pool, in completion order.

    When a worker dies, every task still pending in the pool fails with it, and the pool
    cannot say which one killed it. So the pending tasks are retried in a fresh pool once;
    if that pool breaks too, each remaining task runs alone, and only a task that kills its
    worker on its own becomes ``failed(task, message)`` (so does one that raises).
    """
    remaining = list(range(len(tasks)))
    rounds = 0
    while remaining:
        if rounds < 2:
            broken: list[int] = []
            yield from _pool_round(call, tasks, remaining, settings, workers, broken,
                                   fingerprinter, failed)  # fmt: skip
            remaining = broken
        else:
            for i in remaining:
                broken = []
                yield from _pool_round(call, tasks, [i], settings, 1, broken, fingerprinter,
                                       failed)  # fmt: skip
                if broken:
                    yield failed(tasks[i], "worker process died running this unit (retried alone)")
            remaining = []
        rounds += 1


def _pool_round(
    call: Callable[..., Any],
    tasks: Sequence[Any],
    indices: list[int],
    settings: dict,
    workers: int,
    broken: list[int],
    fingerprinter: Fingerprinter | None,
    failed: Callable[[Any, str], Any],
) -> Iterator[Any]:
    """Run ``indices`` in one pool; tasks lost to a dying worker go to ``broken``."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init_worker,
        initargs=(settings, fingerprinter, os.getpid()),  # the driver, as the workers' parent
    )
    futures = {pool.submit(call, tasks[i], settings, fingerprinter): i for i in indices}
    try:
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                i = futures[fut]
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken.append(i)
                except Exception as exc:  # noqa: BLE001
                    yield failed(tasks[i], safe_error_message(exc))
    finally:
        pool.shutdown(wait=not broken, cancel_futures=True)


@contextmanager
def _dask_client(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers``."""
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # The worker's statistical profiler samples every thread every 10 ms; for a CPU-bound
        # pure-Python task that is a steady GIL tax, so a local cluster runs without it.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_dask(
    tasks: Sequence[Task],
    settings: dict,
    workers: int,
    scheduler: str | None,
    fingerprinter: Fingerprinter | None = None,
) -> Iterator[UnitResult]:
    """Dask distributed: a scheduler address, or a LocalCluster of ``workers`` processes."""
    return run_calls(
        "dask",
        run_task_in_worker,
        tasks,
        settings=settings,
        fingerprinter=fingerprinter,
        failed=lambda task, message: failed_result(task.unit, message),
        workers=workers,
        scheduler=scheduler,
    )


def run_calls(
    executor: str,
    call: Callable[..., Any],
    tasks: Sequence[Any],
    *,
    settings: dict,
    fingerprinter: Fingerprinter | None,
    failed: Callable[[Any, str], Any],
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[Any]:
    """``call(task, settings, fingerprinter)`` for every task in worker processes or on
    Dask, results in completion order; a task that raises, or kills its worker even when
    retried alone (Dask: retried once), becomes ``failed(task, message)``. Other stages
    than the scan's units run here (the subject index); as for the scan, the key travels
    with the tasks and the driver writes."""
    if not tasks:
        return
    n = workers or default_workers()
    if executor == "processes":  # a dying worker: its tasks retried as the scan's units
        yield from retrying_pool(call, tasks, settings, n, fingerprinter, failed)
        return
    if executor != "dask":
        raise ValueError(f"unknown executor {executor!r}: use one of {', '.join(Executor)}")
    from distributed import as_completed

    with _dask_client(n, scheduler) as client:
        futures = {
            client.submit(call, t, settings, fingerprinter, pure=False, retries=1): t for t in tasks
        }
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, lost connection, ...
                yield failed(futures[fut], safe_error_message(exc))


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_tasks(
    executor: str,
    tasks: Sequence[Task],
    *,
    sources: dict[str, Source],
    runner: Runner,
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[UnitResult]:
    """Run ``tasks`` on ``executor``; results arrive in completion order.

    Worker processes build their own runner from the detector's settings and the
    runner's fingerprinter (the key travels with the tasks, never in the settings, which
    are written to summaries)."""
    if not tasks:
        return iter(())
    if executor == "serial":
        return run_serial(tasks, sources, runner)
    # biggest units first, so the last unit to finish is a small one
    tasks = sorted(tasks, key=lambda t: -t.unit.size_hint)
    settings = runner.detector.settings()
    fingerprinter = runner.fingerprinter
    n = workers or default_workers()
    if executor == "processes":
        return run_processes(tasks, settings, n, fingerprinter)
    if executor == "dask":
        return run_dask(tasks, settings, n, scheduler, fingerprinter)
    raise ValueError(f"unknown executor {executor!r}: use one of {', '.join(Executor)}")


ProgressCallback = Callable[[str, int, int, int, int], None]
