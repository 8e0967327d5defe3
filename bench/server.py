"""Gunicorn serving the portal on a free loopback port, stopped whatever happens."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
WORKERS = 2
START_TIMEOUT = 60
STOP_TIMEOUT = 15
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Server:
    """A running gunicorn: the port it listens on and its master's process id."""

    port: int
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time gunicorn's master and workers have used so far.

        Read from /proc, so that a page's cost on the server can be told apart
        from the time its requests spent waiting for a core on a busy machine.
        """
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue  # the process ended while we looked
            pid, parent = int(stat.parent.name), int(fields[1])
            if self.pid in (pid, parent):
                # utime and stime: fields 14 and 15 of /proc/<pid>/stat
                total += int(fields[11]) + int(fields[12])
        return total / CLOCK_TICKS


def free_port() -> int:
    """A port nobody listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict, log_path: Path, *, cwd: Path, workers: int = WORKERS):
    """Yield the running gunicorn (a Server); stop it on leaving, also on errors and Ctrl-C.

    Gunicorn gets its own session, so a Ctrl-C in the terminal reaches only
    the benchmark, which then stops gunicorn itself (SIGTERM, then SIGKILL
    to its process group if the workers do not exit in time).
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi",
        f"--bind={HOST}:{port}",
        f"--workers={workers}",
        "--timeout=30",
        "--graceful-timeout=5",
        "--log-level=warning",
        f"--error-logfile={log_path}",
    ]
    with log_path.open("ab") as log:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            command, cwd=cwd, env=env, stdout=log, stderr=log, start_new_session=True
        )
    try:
        _wait_until_serving(process, port, log_path)
        yield Server(port=port, pid=process.pid)
    finally:
        _stop(process)


def _wait_until_serving(process, port, log_path):
    """Poll until any answer; fail early if gunicorn exits (e.g. a settings error).

    "/" is the cheapest question: the locale middleware redirects it.
    """
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log_path}")
        connection = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT} s; see {log_path}")


def _stop(process):
    """SIGTERM to the master, which stops its workers; SIGKILL to the group if that hangs.

    A second Ctrl-C (or SIGTERM) must not cut this short and leave workers
    behind: they wait until gunicorn is gone, at most twice STOP_TIMEOUT.
    """
    interrupts = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, signal.SIG_IGN) for number in interrupts}
    try:
        _terminate(process)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _terminate(process):
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT)
    # The group is gunicorn's own session: the master and the workers it forked.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(STOP_TIMEOUT)
