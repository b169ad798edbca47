"""An in-process HTTP fault proxy for loopback tests, in the spirit of Toxiproxy's toxics.

It listens on 127.0.0.1 (an ephemeral port) and forwards to an upstream HTTP/1.1 server, one
request at a time per connection (the `requests` library does not pipeline). For each request it
draws a fault from a seeded RNG: reset the connection before the server sees the request; drop
the response after the server produced it (the server committed, the client never hears); send
a truncated response; hang forever (a half-open server); or pass, with optional latency. It runs
its own asyncio loop on a daemon thread and stops with `close()`.
"""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
from dataclasses import dataclass, field

FAULTS = ("reset", "drop_response", "truncate", "hang")


@dataclass
class Faults:
    latency_ms: tuple[int, int] = (0, 0)
    reset: float = 0.0
    drop_response: float = 0.0
    truncate: float = 0.0
    hang: float = 0.0
    seed: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def _rst(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.close()


async def _read_message(reader: asyncio.StreamReader) -> bytes:
    """One HTTP/1.1 message framed by Content-Length (no chunked bodies in our traffic)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head + body


class FaultProxy:
    def __init__(self, upstream_port: int, faults: Faults | None = None) -> None:
        self.upstream_port = upstream_port
        self.faults = faults or Faults()
        self._rng = random.Random(self.faults.seed)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.Server | None = None
        self.port = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    def _draw(self) -> str:
        roll = self._rng.random()
        for name in FAULTS:
            probability = getattr(self.faults, name)
            if roll < probability:
                self.faults.counts[name] = self.faults.counts.get(name, 0) + 1
                return name
            roll -= probability
        return "pass"

    async def _handle(
        self, client: asyncio.StreamReader, client_writer: asyncio.StreamWriter
    ) -> None:
        upstream_writer: asyncio.StreamWriter | None = None
        try:
            upstream, upstream_writer = await asyncio.open_connection(
                "127.0.0.1", self.upstream_port
            )
            while True:
                try:
                    request = await _read_message(client)
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                    return
                fault = self._draw()
                if fault == "reset":
                    _rst(client_writer)
                    return
                upstream_writer.write(request)
                await upstream_writer.drain()
                response = await _read_message(upstream)
                low, high = self.faults.latency_ms
                if high:
                    await asyncio.sleep(self._rng.uniform(low, high) / 1000)
                if fault == "hang":
                    await asyncio.sleep(3600)
                if fault == "drop_response":
                    _rst(client_writer)
                    return
                if fault == "truncate":
                    client_writer.write(response[: self._rng.randint(1, len(response) - 1)])
                    await client_writer.drain()
                    _rst(client_writer)
                    return
                client_writer.write(response)
                await client_writer.drain()
        except (ConnectionError, OSError, asyncio.IncompleteReadError, asyncio.CancelledError):
            return
        finally:
            if upstream_writer is not None:
                upstream_writer.close()
            if not client_writer.is_closing():
                client_writer.close()

    def close(self) -> None:
        """Stop listening, end every connection (hung ones included), stop the loop."""

        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()
