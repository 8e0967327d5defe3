"""A bounded HTTP load generator on loopback, from the standard library only.

Each client is a thread with its own ``http.client`` connection that sends
the next request as soon as the previous answer is read (a closed loop). The
connection is kept alive when the server allows it; gunicorn's default sync
workers close it after every answer, as they do in production, so
``http.client`` opens a new one for the next request.

The run stops at a deadline or when a shared request budget is spent,
whichever comes first, and every socket operation has a timeout, so a hung
server cannot hang the benchmark.
"""

import http.client
import itertools
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

# What a browser sends; WhiteNoise then serves the precompressed static file.
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br",
    "User-Agent": "portal-bench/1",
}


@dataclass
class LoadResult:
    """What one run at one URL produced."""

    requests: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    exceptions: Counter = field(default_factory=Counter)
    bytes_received: int = 0

    @property
    def errors(self) -> int:
        """Answers that are not 2xx or 3xx, and requests that got no answer at all."""
        failed = sum(n for status, n in self.statuses.items() if not 200 <= status < 400)
        return failed + sum(self.exceptions.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    def percentile_ms(self, percent: int) -> float | None:
        """Latency in milliseconds below which ``percent`` % of the answers came."""
        if len(self.latencies) < 2:
            return self.latencies[0] * 1000 if self.latencies else None
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[percent - 1] * 1000

    def merge(self, other: "LoadResult") -> None:
        self.requests += other.requests
        self.latencies += other.latencies
        self.statuses.update(other.statuses)
        self.exceptions.update(other.exceptions)
        self.bytes_received += other.bytes_received


def run_load(
    host: str,
    port: int,
    path: str,
    *,
    clients: int,
    duration: float,
    max_requests: int,
    timeout: float = 30.0,
    cookie: str | None = None,
) -> LoadResult:
    """Send GET ``path`` from ``clients`` threads for ``duration`` seconds at most.

    ``cookie`` (``name=value``) is sent with every request: the session of a
    signed-in person, which all clients share.
    """
    budget = itertools.count()  # next() on it is atomic under the GIL: a shared ticket roll
    start = threading.Barrier(clients + 1)
    results = [LoadResult() for _ in range(clients)]
    headers = {**BROWSER_HEADERS, "Host": f"{host}:{port}"}
    if cookie:
        headers["Cookie"] = cookie

    def client(result: LoadResult) -> None:
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        start.wait(timeout)
        deadline = time.monotonic() + duration
        try:
            while time.monotonic() < deadline and next(budget) < max_requests:
                _one_request(connection, path, headers, result)
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(result,), daemon=True) for result in results]
    for thread in threads:
        thread.start()
    start.wait(timeout)
    began = time.monotonic()
    for thread in threads:
        # A request in flight at the deadline may take up to ``timeout`` more.
        thread.join(max(0.0, began + duration + timeout + 1 - time.monotonic()))
    total = LoadResult(elapsed=time.monotonic() - began)
    for result in results:
        total.merge(result)
    hung = sum(thread.is_alive() for thread in threads)
    if hung:
        total.exceptions["client thread still waiting at the end"] += hung
    return total


def _one_request(connection, path, headers, result: LoadResult) -> None:
    """One GET on the client's connection; http.client reconnects when the server closed it."""
    sent = time.perf_counter()
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    except Exception as error:  # whatever it was, the request failed and is counted
        result.exceptions[type(error).__name__] += 1
        result.requests += 1
        # The next request opens a fresh connection.
        connection.close()
        return
    result.latencies.append(time.perf_counter() - sent)
    result.requests += 1
    result.statuses[response.status] += 1
    result.bytes_received += len(body)
