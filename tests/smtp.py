"""A real SMTP server on loopback (aiosmtpd) that keeps what it is given, for sending tests.

It refuses the addresses it is told to, with the replies it is told to give
(one per attempt, then it accepts), and can hold the message to one address
until the test lets it go, so that a test can kill the sender mid-message.
"""

import email
import email.policy
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


class MailSink:
    """``with MailSink() as sink:`` serves on ``sink.port``; ``received`` counts by address."""

    def __init__(self, *, refuse: dict[str, list[str]] | None = None, hold: str = ""):
        self.refuse = {address: list(replies) for address, replies in (refuse or {}).items()}
        self.hold = hold
        self.holding = threading.Event()
        self.release = threading.Event()
        self.messages: list[tuple[str, email.message.Message]] = []
        self._lock = threading.Lock()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc_info):
        self.release.set()
        self._controller.stop()

    @property
    def received(self) -> Counter:
        with self._lock:
            return Counter(address for address, _message in self.messages)

    def to(self, address: str) -> list[email.message.Message]:
        with self._lock:
            return [message for to, message in self.messages if to == address]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        replies = self.refuse.get(address)
        if replies:
            return replies.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.hold and self.hold in envelope.rcpt_tos:
            self.holding.set()
            # The sender dies while it waits here; the message is then never taken.
            await server.loop.run_in_executor(None, self.release.wait)
            return "451 4.3.0 Not taken"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.extend((address, message) for address in envelope.rcpt_tos)
        return "250 Message accepted"


def smtp_settings(settings, sink: MailSink) -> None:
    """Django sends through the sink (pytest-django's ``settings``)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
