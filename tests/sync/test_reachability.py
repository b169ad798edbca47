"""The reachability probe against a real server process on loopback: it answers, it says whether
it accepts this app, how far this computer's clock is from its own, and nothing answering (a
refused port, a half-open server) reads as out of reach within the probe's short timeouts."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from mediateur.sync.reachability import UNREACHABLE, probe_server
from mediateur.sync.transport import HttpTransport
from tests.support.faultproxy import FaultProxy, Faults
from tests.support.live_server import LiveServer, free_port, server_cli


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('probe-server') / 'server.db'}"
    server_cli(url, "migrate")
    running = LiveServer(url).start()
    try:
        yield running
    finally:
        running.stop()


def test_a_server_that_answers_accepts_this_app_and_shares_its_clock(server: LiveServer) -> None:
    found = probe_server(HttpTransport(server.url))
    assert found.reachable
    assert found.accepts_this_app
    assert found.clock_skew_s is not None
    assert abs(found.clock_skew_s) < 2  # the same computer, to the second


def test_a_clock_two_hours_ahead_is_measured(server: LiveServer) -> None:
    ahead = 2 * 3600 + 5 * 60
    found = probe_server(HttpTransport(server.url), wall=lambda: time.time() + ahead)
    assert found.clock_skew_s is not None
    assert abs(found.clock_skew_s - ahead) < 2


def test_an_app_older_than_the_server_accepts_is_told(
    server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This build speaks a schema below the server's minimum.
    monkeypatch.setattr("mediateur.sync.reachability.SCHEMA_VERSION", 0)
    found = probe_server(HttpTransport(server.url))
    assert found.reachable
    assert not found.accepts_this_app


def test_nothing_answering_is_out_of_reach_quickly(server: LiveServer) -> None:
    assert probe_server(HttpTransport(f"http://127.0.0.1:{free_port()}")) == UNREACHABLE
    proxy = FaultProxy(server.port, Faults(hang=1.0))
    try:
        started = time.monotonic()
        found = probe_server(HttpTransport(proxy.url, timeout=(1.0, 1.0)))
        assert found == UNREACHABLE
        assert time.monotonic() - started < 3
    finally:
        proxy.close()
