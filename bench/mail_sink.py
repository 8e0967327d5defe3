"""An SMTP server on loopback that takes every message and counts its recipients.

``python -m bench.mail_sink PORT COUNT_FILE``: ``bench.newsletter`` sends the
newsletter through it, in a process of its own so that the server's work is
not the sender's, as with a real mail server. On SIGTERM it stops and writes
the number of recipients it accepted to COUNT_FILE: the benchmark checks that
every subscriber got the issue once. It keeps nothing else; parsing 10,000
messages would make it the bottleneck.
"""

import os
import signal
import sys
from pathlib import Path

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"
# How often it looks whether the process that started it is still there.
PARENT_CHECK_SECONDS = 1


class RecipientCounter:
    """aiosmtpd's handler: accepts each message and adds up its recipients."""

    def __init__(self):
        self.recipients = 0

    async def handle_DATA(self, server, session, envelope):
        self.recipients += len(envelope.rcpt_tos)
        return "250 Message accepted"


def main(port: str, count_file: str) -> None:
    parent = os.getppid()
    # Blocked before the server's thread starts, so that only sigtimedwait below takes it.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    counter = RecipientCounter()
    controller = Controller(counter, hostname=HOST, port=int(port))
    controller.start()
    try:
        # A sender killed on its time limit never sends SIGTERM: stop when it is gone.
        while os.getppid() == parent:
            if signal.sigtimedwait({signal.SIGTERM}, PARENT_CHECK_SECONDS) is not None:
                break
    finally:
        controller.stop()
    Path(count_file).write_text(str(counter.recipients))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
