"""A port on loopback that nobody should call: to prove the server fetched nothing."""

import contextlib
import socket

import pytest

# How long to wait for a connection that must not come.
WAIT_SECONDS = 0.5


@contextlib.contextmanager
def port_that_must_stay_silent():
    """Yields a port listening on 127.0.0.1; fails if anything connected to it meanwhile."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(WAIT_SECONDS)
        yield listener.getsockname()[1]
        try:
            caller, _address = listener.accept()
        except TimeoutError:
            return
        caller.close()
        pytest.fail("The server connected to an address from the content.")
