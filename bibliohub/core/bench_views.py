"""The bare view the benchmark compares every page with (enabled by BIBLIOHUB_BENCH=1)."""

from django.http import HttpRequest, HttpResponse


def baseline(request: HttpRequest) -> HttpResponse:
    """No database, no template: what the server and Django's middleware cost on their own."""
    return HttpResponse(b"ok\n", content_type="text/plain")
