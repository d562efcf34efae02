"""Local stand-ins for DeepL and LibreTranslate (loopback HTTP servers in a thread).

They implement the documented request and answer formats, check the credentials, and
"translate" deterministically: every word of text (not tags, not `translate="no"`
elements) is upper-cased and the text gets a language prefix, so that tests can tell
translated from untouched text. `fail_with` makes the next requests fail on demand.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEEPL_KEY = "test-key:fx"
LIBRE_KEY = "libre-key"
DEEPL_TARGETS = {"EN-GB", "AR", "FA", "UK", "TR", "RU", "FR"}
LIBRE_TARGETS = ["en", "ar", "fa", "uk", "tr", "ru"]

TOKEN = re.compile(r'(<span translate="no"[^>]*>.*?</span>|<[^>]+>)', re.DOTALL)


def fake_translate(html: str, target: str) -> str:
    parts = TOKEN.split(html)
    out = []
    for index, part in enumerate(parts):
        out.append(part if index % 2 else part.upper())
    return f"[{target.lower()}] " + "".join(out)


@dataclass
class FakeService:
    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_with: int | None = None  # HTTP status for the following requests
    # Set: requests wait until it is released (the client times out first), for timeouts.
    held: threading.Event | None = None
    break_markup: bool = False  # answer with a link the original does not have
    drop_kept: bool = False  # lose the text of `translate="no"` elements, keep the rest


def _handler(service: FakeService, kind: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if kind == "libre" and self.path == "/languages":
                rows = [{"code": "de", "name": "German", "targets": LIBRE_TARGETS}]
                rows += [{"code": c, "name": c, "targets": ["de"]} for c in LIBRE_TARGETS]
                self._send(200, rows)
            else:
                self._send(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            service.requests.append(
                {"path": self.path, "headers": dict(self.headers), "body": body}
            )
            if service.held is not None:
                service.held.wait(10)  # released by `serve` at the end at the latest
            if service.fail_with:
                self._send(service.fail_with, {"message": f"fake {service.fail_with}"})
                return
            if kind == "deepl":
                self._deepl(body)
            else:
                self._libre(body)

        def _deepl(self, body: dict[str, Any]) -> None:
            if self.path != "/v2/translate":
                self._send(404, {"message": "not found"})
            elif self.headers.get("Authorization") != f"DeepL-Auth-Key {DEEPL_KEY}":
                self._send(403, {"message": "Wrong authentication key"})
            elif body.get("target_lang") not in DEEPL_TARGETS:
                self._send(400, {"message": "Value for 'target_lang' not supported."})
            else:
                texts = [self._answer(t, body["target_lang"]) for t in body["text"]]
                self._send(
                    200,
                    {
                        "translations": [
                            {"detected_source_language": "DE", "text": t} for t in texts
                        ]
                    },
                )

        def _libre(self, body: dict[str, Any]) -> None:
            if self.path != "/translate":
                self._send(404, {"error": "not found"})
            elif body.get("api_key") != LIBRE_KEY:
                self._send(403, {"error": "Invalid API key"})
            elif body.get("target") not in LIBRE_TARGETS or body.get("format") != "html":
                self._send(400, {"error": f"{body.get('target')} is not supported"})
            else:
                texts = [self._answer(t, body["target"]) for t in body["q"]]
                self._send(200, {"translatedText": texts})

        def _answer(self, text: str, target: str) -> str:
            result = fake_translate(text, target)
            if service.break_markup:
                result += ' <a id="a99">x</a>'
            if service.drop_kept:
                result = re.sub(r'<span translate="no"[^>]*>.*?</span>', "", result)
            return result

    return Handler


@contextmanager
def serve(kind: str) -> Iterator[FakeService]:
    service = FakeService()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(service, kind))
    server.daemon_threads = True
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        if service.held is not None:
            service.held.set()
        server.shutdown()
        server.server_close()
