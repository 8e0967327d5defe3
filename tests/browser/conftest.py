"""Fixtures of the browser tests: one Chromium per session, a fresh context per test.

The tests drive Debian's Chromium (not a browser Playwright downloads) against
pytest-django's live server, and check each page with axe-core and with the
Nu HTML Checker (vnu.jar, on the machine's Java) from node_modules. All are
installed by ``make browser``; a missing one fails the run instead of
skipping it, so that a green suite always means the pages were really checked.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from playwright.sync_api import sync_playwright

from django.conf import settings
from django.db import connections
from django.test import Client

from .site import build_demo_site
from .support import DESKTOP, HtmlChecker

# Playwright's sync API runs an event loop in this thread; Django would
# otherwise refuse every database query made from it as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_CORE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
NU_CHECKER = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker's web service takes a few seconds to start on the JVM.
NU_CHECKER_START_SECONDS = 60
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Slow pages fail in seconds, not after Playwright's default half minute.
TIMEOUT_MS = 10_000


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "browser: drives Chromium against the live server (deselect with -m 'not browser')",
    )


def _require(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(
            f"{what} is missing at {path}. Run `make browser` to install it.", pytrace=False
        )


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One Chromium for the whole session: starting it costs more than most tests.

    Playwright's sync API leaves an asyncio loop running in this thread, and
    from then on Django keeps database connections per async context: the
    tests would get new connection objects, without the test database's
    serialized contents that ``serialized_rollback`` restores (nor, on SQLite,
    the in-memory connection the live server shares). So the thread's own
    connections are handed back to that context.
    """
    _require(CHROMIUM, "Chromium")
    thread_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in thread_connections.items():
            connections[alias] = connection
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source():
    """The axe-core script, read once and injected into each page it checks."""
    _require(AXE_CORE, "axe-core")
    return AXE_CORE.read_text()


@pytest.fixture(scope="session")
def html_checker():
    """The Nu HTML Checker as a web service on loopback, started once for the session.

    One JVM answers every page in milliseconds; the command-line checker would
    start one per page.
    """
    _require(NU_CHECKER, "The Nu HTML Checker (vnu.jar)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing. Run `make browser` to install it.", pytrace=False)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 - the machine's Java and our own arguments
        [
            java,
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(NU_CHECKER),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(address, process)
        yield HtmlChecker(address)
    finally:
        process.terminate()
        process.wait(10)


def _wait_for(address: str, process) -> None:
    deadline = time.monotonic() + NU_CHECKER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The Nu HTML Checker stopped with exit code {process.returncode}.")
        try:
            with urlopen(address, timeout=2):  # noqa: S310 - our own loopback service
                return
        except (URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"The Nu HTML Checker did not answer within {NU_CHECKER_START_SECONDS} s.")


@pytest.fixture(autouse=True)
def demo_site(transactional_db):
    """Every test sees the demo pages in Slovenian, Croatian and English, as a visitor would."""
    build_demo_site()


@pytest.fixture
def context(browser, live_server):
    """A new browser profile per test: no cookie or storage leaks from one test to the next."""
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, locale="sl-SI", timezone_id="Europe/Ljubljana"
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def log_in(context, live_server):
    """Log a user in by giving the browser a session cookie.

    For tests about the pages behind the login, not about logging in (the
    flows do that through the form): it saves a page load and a TOTP code.
    """

    def log_in(user):
        client = Client()
        client.force_login(user)
        session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_id, "url": live_server.url}]
        )

    return log_in
