"""The load driver against a tiny local server, and the bare view it compares pages with."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import RequestFactory

from bench.pages import drive
from bibliohub.core.bench_views import baseline


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn answers

    def do_GET(self) -> None:  # noqa: N802 - the name http.server looks for
        status = 200 if self.path == "/ok" else 404
        body = b"ok" if status == 200 else b"missing"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_driver_counts_every_answer_and_reports_missing_pages_as_errors(local_server):
    result = drive(local_server, ["/ok", "/missing"], concurrency=2, processes=2, requests=40)
    assert result["requests"] == 40
    assert result["statuses"] == {"200": 20, "404": 20}
    assert result["errors"] == 20
    assert result["concurrency"] == 2
    assert result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]


def test_driver_reports_a_server_that_is_gone_as_errors(local_server):
    from bench.pages import free_port

    result = drive(free_port(), ["/ok"], concurrency=1, processes=1, requests=3)
    assert result["requests"] == 3
    assert result["errors"] == 3
    assert result["rps"] == 0


def test_baseline_is_a_bare_answer():
    response = baseline(RequestFactory().get("/_bench/baseline"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_baseline_is_not_served_unless_the_benchmark_asks(client):
    assert client.get("/_bench/baseline").status_code == 404
