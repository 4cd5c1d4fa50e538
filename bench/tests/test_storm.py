"""The storm's visitors against a tiny local server: each fetches the form, then all post it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from bench.events import storm


class _Form(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    posts: list[dict[str, list[str]]] = []
    lock = threading.Lock()

    def _answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server looks for
        if "/missing/" in self.path:
            self._answer(404)
            return
        html = b'<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="T0K">'
        self._answer(200, html, {"Set-Cookie": "csrftoken=C00KIE; Path=/; SameSite=Lax"})

    def do_POST(self) -> None:  # noqa: N802
        fields = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        good = fields.get("csrfmiddlewaretoken") == ["T0K"] and "csrftoken=C00KIE" in (
            self.headers.get("Cookie") or ""
        )
        with self.lock:
            self.posts.append(fields)
            n = len(self.posts)
        if not good:
            self._answer(403)
        elif n % 10 == 0:
            self._answer(500)  # one in ten fails, to be counted
        else:
            self._answer(302, headers={"Location": f"/events/r/{n}/"})

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # everyone connects at once, as to gunicorn (backlog 2048)


@pytest.fixture
def form_server():
    _Form.posts = []
    server = _Server(("127.0.0.1", 0), _Form)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_every_visitor_posts_the_form_once_with_token_cookie_and_answers(form_server):
    result = storm(form_server, slug="x", clients=30, processes=3, question_id=7, answer="Ano")
    assert result["ready"]
    assert result["forms"] == {"200": 30}
    # Posts reach the server from each process's visitors: here they are counted.
    assert result["statuses"] == {"302": 27, "500": 3}
    assert result["registered"] == 27
    assert result["errors"] == 3
    assert result["server_errors"] == 3
    assert result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
    emails = {post["email"][0] for post in _Form.posts}
    assert len(emails) == 30
    assert all(post["consent"] == ["on"] and post["q7"] == ["Ano"] for post in _Form.posts)


def test_without_a_form_nobody_posts_and_all_are_errors(form_server):
    result = storm(form_server, slug="missing", clients=4, processes=2, question_id=None, answer="")
    assert result["forms"] == {"404": 4}
    assert result["registered"] == 0
    assert result["errors"] == 4
    assert result["server_errors"] == 0
    assert _Form.posts == []
