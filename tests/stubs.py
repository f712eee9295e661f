"""Local stand-ins for upstreams we do not own: Meta's Graph API and Slack over HTTP, a mail
server over SMTP."""

from __future__ import annotations

import itertools
import json
import socket
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class HttpStub:
    """Records every request; answers from a queue of canned responses, then the default."""

    def __init__(self, default: Callable[[], tuple[int, Any]]) -> None:
        self.requests: list[RecordedRequest] = []
        self.responses: deque[tuple[int, Any]] = deque()
        self.default = default
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = raw.decode(errors="replace")
                stub.requests.append(
                    RecordedRequest("POST", self.path, dict(self.headers.items()), body)
                )
                status, payload = stub.responses.popleft() if stub.responses else stub.default()
                encoded = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(encoded)))
                self.end_headers()
                self.wfile.write(encoded)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def shutdown(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def graph_api_stub() -> HttpStub:
    """Meta's send endpoint: every success names a fresh wamid, as Meta does."""
    counter = itertools.count(1)

    def success() -> tuple[int, Any]:
        return 200, {
            "messaging_product": "whatsapp",
            "contacts": [{"input": "972501234567", "wa_id": "972501234567"}],
            "messages": [{"id": f"wamid.OUT{next(counter)}"}],
        }

    return HttpStub(default=success)


class SmtpStub:
    """A real SMTP server (aiosmtpd) on a free localhost port, in a thread of its own.

    Records each message it accepts, parsed; ``refuse_with`` (an SMTP reply such as
    ``"451 4.3.0 Try again later"``) makes it refuse messages instead; ``stop()`` takes it
    down, so connections are refused.
    """

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse_with: str | None = None
        stub = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's naming)
                if stub.refuse_with:
                    return stub.refuse_with
                parsed = message_from_bytes(envelope.original_content, policy=policy.default)
                parsed["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
                stub.messages.append(parsed)
                return "250 Message accepted for delivery"

        # aiosmtpd checks the port it listens on by connecting to it, so it needs a real one.
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()
        self._running = True

    def stop(self) -> None:
        if self._running:
            self._controller.stop()
            self._running = False
