"""Build, serve and measure the portal on SQLite and PostgreSQL (``python -m bench``).

First, since nothing is measured yet: collect the static files, then build
each database afresh, all at once (``bench.dataset``). Then, one database at a
time: count each page's SQL queries in-process (``bench.probe``), file the
approved protocols' PDFs (``bench.pdf``), make the newsletter's PDF and send
it to 10,000 subscribers (``bench.newsletter``), start gunicorn with the
production settings (``bench.settings``), load each page from concurrent
clients (``bench.load``), stop gunicorn. Django runs only in those child
processes, each with its own database; this process uses the standard
library alone, so it can drive both databases in one run.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import machine, report
from .load import run_load
from .newsletter import PDF_CASES as NEWSLETTER_PDF_CASES
from .newsletter import SENDING_CASES
from .pdf import CASES as PDF_CASES
from .server import HOST, WORKERS, gunicorn

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "bench" / "results"
SQLITE_URL = f"sqlite:///{RESULTS / 'portal_bench.sqlite3'}"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
REDIS_URL = "redis://127.0.0.1:6379/0"
# Ceilings on the child processes, so that nothing can keep the run going for ever.
PREPARE_TIMEOUT = 900
PROBE_TIMEOUT = 300
PDF_TIMEOUT = 300
NEWSLETTER_TIMEOUT = 600
# What every benchmarked URL must answer; anything else means we measured the wrong thing.
EXPECTED_STATUS = 200


def main(argv=None) -> int:
    """Run the benchmark; 0 when every request succeeded, 1 otherwise."""
    options = _parse(argv)
    # A SIGTERM unwinds like Ctrl-C does, through the ``finally`` that stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    RESULTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        runs = _bench(options)
    except KeyboardInterrupt:
        print("\nInterrupted; gunicorn and the child processes are stopped.", file=sys.stderr)
        return 130
    result = {
        "machine": machine.describe(),
        "settings": {
            "clients": options.clients,
            "duration_s": options.duration,
            "warm_up_s": options.warm_up,
            "max_requests": options.max_requests,
            "gunicorn_workers": options.workers,
            "cache": "redis" if options.redis_url else "local memory",
        },
        "runs": runs,
        "total_s": round(time.monotonic() - started, 1),
    }
    path = report.write(result, RESULTS)
    report.print_table(result)
    print(f"\nFull results: {path.relative_to(PROJECT)} ({result['total_s']:.0f} s in all)")
    failures = report.failures(result, expected_status=EXPECTED_STATUS)
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _bench(options) -> list[dict]:
    """Prepare everything, then measure one database after the other."""
    with tempfile.TemporaryDirectory(prefix="portal-bench-static-") as static_root:
        environment = _environment(options, static_root)
        databases = {
            name: _database_environment(name, url, environment) for name, url in options.urls
        }
        # First the static files: the demo's approved protocols are filed as PDFs on the way,
        # and their stylesheet is found through the manifest collectstatic writes.
        print("== collecting static files", flush=True)
        _run_together(
            {"collectstatic": (["manage.py", "collectstatic", "--no-input", "-v0"], environment)}
        )
        jobs = {}
        for name, database_environment in databases.items():
            # Logos and their renditions start afresh with the database that names them.
            shutil.rmtree(database_environment["MEDIA_ROOT"], ignore_errors=True)
            jobs[f"build-{name}"] = (["-m", "bench.dataset"], database_environment)
        print("== building the databases", flush=True)
        _run_together(jobs)
        return [_bench_database(name, env, options) for name, env in databases.items()]


def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--duration", type=float, default=20, help="seconds of load per page")
    parser.add_argument("--clients", type=int, default=16, help="concurrent connections")
    parser.add_argument("--warm-up", type=float, default=1, help="seconds before measuring")
    parser.add_argument("--max-requests", type=int, default=100_000, help="cap per page")
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers")
    parser.add_argument("--postgres-url", default=POSTGRES_URL, help="dropped and recreated")
    parser.add_argument(
        "--redis-url",
        default=REDIS_URL,
        help="the production cache; pass an empty value for local memory",
    )
    options = parser.parse_args(argv)
    databases = ("sqlite", "postgres") if options.database == "both" else (options.database,)
    urls = {"sqlite": SQLITE_URL, "postgres": options.postgres_url}
    options.urls = [(name, urls[name]) for name in databases]
    if options.redis_url and not _reachable(options.redis_url):
        parser.error(f"Redis does not answer at {options.redis_url}; start it or pass --redis-url=")
    return options


def _reachable(url: str) -> bool:
    address = urlsplit(url)
    try:
        with socket.create_connection((address.hostname, address.port or 6379), timeout=2):
            return True
    except OSError:
        return False


def _environment(options, static_root: str) -> dict:
    """What production.py requires, for loopback without TLS; one secret for the whole run."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "STATIC_ROOT", "MEDIA_ROOT"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS=HOST,
        WAGTAILADMIN_BASE_URL=f"http://{HOST}",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=static_root,
        PYTHONPATH=str(PROJECT),
    )
    if options.redis_url:
        environment["REDIS_URL"] = options.redis_url
    return environment


def _database_environment(name: str, url: str, environment: dict) -> dict:
    """The run's environment with one database, its own media folder and cache keys."""
    return {
        **environment,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(RESULTS / f"media-{name}"),
        "BENCH_CACHE_PREFIX": f"bench-{name}-{secrets.token_hex(4)}",
    }


def _run_together(jobs: dict[str, tuple[list[str], dict]]) -> None:
    """Run Django child processes side by side, each logging to ``<name>.log``.

    The first failure, or the common time limit, stops the others; every
    child is stopped before this returns or raises.
    """
    started = time.monotonic()
    running = {}
    try:
        for name, (arguments, environment) in jobs.items():
            with (RESULTS / f"{name}.log").open("w") as log:
                running[name] = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
                    [sys.executable, *arguments],
                    cwd=PROJECT,
                    env=environment,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
        for name, process in running.items():
            remaining = max(1.0, started + PREPARE_TIMEOUT - time.monotonic())
            try:
                process.wait(remaining)
            except subprocess.TimeoutExpired as error:
                raise SystemExit(f"{name} took longer than {PREPARE_TIMEOUT} s.") from error
            log = (RESULTS / f"{name}.log").read_text()
            if process.returncode:
                raise SystemExit(f"{name} failed with exit code {process.returncode}:\n{log}")
            print(f"   {name} ({time.monotonic() - started:.0f} s)\n{log}", end="", flush=True)
    finally:
        for process in running.values():
            if process.poll() is None:
                process.kill()
                process.wait()


def _bench_database(name: str, environment: dict, options) -> dict:
    """Count the queries of each page, then serve the database and load every page."""
    probe_path = RESULTS / f"probe-{name}.json"
    print(f"== {name}: counting queries in-process", flush=True)
    _probe(probe_path, environment)
    probe = json.loads(probe_path.read_text())
    print(f"== {name}: rendering and storing approved PDFs", flush=True)
    pdfs = {case: _pdf(name, case, environment) for case in PDF_CASES}
    print(f"== {name}: the newsletter's PDF, and sending it to every subscriber", flush=True)
    newsletter_pdfs = {case: _newsletter(name, case, environment) for case in NEWSLETTER_PDF_CASES}
    sendings = {case: _newsletter(name, case, environment) for case in SENDING_CASES}
    log_path = RESULTS / f"gunicorn-{name}.log"
    log_path.write_text("")
    targets = {}
    load_average = os.getloadavg()[0]
    with gunicorn(environment, log_path, cwd=PROJECT, workers=options.workers) as server:
        for target, measured in probe["targets"].items():
            print(f"== {name}: {target} ({measured['path']})", flush=True)
            cookie = probe["session_cookie"] if measured.get("signed_in") else None
            targets[target] = {**measured, **_load(server, measured["path"], options, cookie)}
    return {
        "database": name,
        "version": probe["database"]["version"],
        "dataset": probe["dataset"],
        # Other work on the machine slows the figures down; this says how much there was.
        "load_average_before": round(load_average, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "gunicorn_log_errors": _log_errors(log_path),
        "targets": targets,
        "pdf": pdfs,
        "newsletter_pdf": newsletter_pdfs,
        "newsletter_sending": sendings,
    }


def _load(server, path: str, options, cookie: str | None = None) -> dict:
    """Warm up (the answers still count as errors if they fail), then measure.

    Besides latency and throughput, the CPU time per request of gunicorn and
    of this load generator: the two share the machine's cores. ``cookie`` is
    the session of the signed-in coordinator, for the staff pages.
    """
    bounds = {"clients": options.clients, "max_requests": options.max_requests, "cookie": cookie}
    warm = run_load(HOST, server.port, path, duration=options.warm_up, **bounds)
    server_cpu, client_cpu = server.cpu_seconds(), time.process_time()
    load = run_load(HOST, server.port, path, duration=options.duration, **bounds)
    server_cpu, client_cpu = server.cpu_seconds() - server_cpu, time.process_time() - client_cpu
    return {
        "requests": load.requests,
        "requests_per_s": round(load.throughput, 1),
        "median_ms": _round(load.percentile_ms(50)),
        "p95_ms": _round(load.percentile_ms(95)),
        "errors": load.errors + warm.errors,
        "server_errors": load.server_errors + warm.server_errors,
        "statuses": _counts(load.statuses + warm.statuses),
        "exceptions": dict(load.exceptions + warm.exceptions),
        "server_cpu_ms": _per_request(server_cpu, load.requests),
        "client_cpu_ms": _per_request(client_cpu, load.requests),
        "kib_per_response": round(load.bytes_received / 1024 / max(load.requests, 1), 1),
    }


def _per_request(total: float, requests: int) -> float | None:
    """``total`` (seconds) per request, in milliseconds."""
    return round(total * 1000 / requests, 2) if requests else None


def _log_errors(log_path: Path) -> list[str]:
    """Lines of gunicorn's log that tell of a failure (tracebacks, worker timeouts)."""
    markers = ("Traceback", "[ERROR]", "[CRITICAL]", "Internal Server Error")
    return [line for line in log_path.read_text().splitlines() if any(m in line for m in markers)]


def _probe(output: Path, environment: dict) -> None:
    """Count queries in a Django child process."""
    _child(["bench.probe", str(output)], environment, PROBE_TIMEOUT, "Counting queries")


def _pdf(name: str, case: str, environment: dict) -> dict:
    """One case of ``bench.pdf`` in a process of its own, so that its peak memory is its own."""
    output = RESULTS / f"pdf-{name}.json"
    _child(["bench.pdf", case, str(output)], environment, PDF_TIMEOUT, f"The PDF of “{case}”")
    return json.loads(output.read_text())


def _newsletter(name: str, case: str, environment: dict) -> dict:
    """One case of ``bench.newsletter`` in a process of its own, like ``_pdf``."""
    output = RESULTS / f"newsletter-{name}.json"
    what = f"The newsletter's case “{case}”"
    _child(["bench.newsletter", case, str(output)], environment, NEWSLETTER_TIMEOUT, what)
    return json.loads(output.read_text())


def _child(module_arguments: list[str], environment: dict, timeout: int, what: str) -> None:
    """Run ``python -m <module_arguments>``; ``subprocess.run`` kills it on timeout."""
    try:
        subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
            [sys.executable, "-m", *module_arguments],
            cwd=PROJECT,
            env=environment,
            check=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise SystemExit(f"{what} took longer than {timeout} s.") from error
    except subprocess.CalledProcessError as error:
        raise SystemExit(f"{what} failed with exit code {error.returncode}.") from error


def _counts(counter) -> dict[str, int]:
    return {str(key): value for key, value in sorted(counter.items())}


def _round(value):
    return None if value is None else round(value, 1)
