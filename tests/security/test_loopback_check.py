"""The check that the server fetched nothing does catch a fetch."""

import socket

import pytest

from tests.loopback import port_that_must_stay_silent


def test_a_connection_to_the_silent_port_fails_the_test():
    caught = pytest.raises(pytest.fail.Exception, match="connected to an address from the content")
    with caught, port_that_must_stay_silent() as port:
        socket.create_connection(("127.0.0.1", port)).close()


def test_silence_passes():
    with port_that_must_stay_silent():
        pass
