"""A short-lived cache of whole public pages for visitors who are not signed in.

The public directory is read far more than it is changed, mostly by people who are not signed in.
Their pages depend only on the address, the interface language and the content, so they are kept
for a minute in the shared cache (database or Redis, never one process's memory). Any change to
the directory or to memberships moves the content version on, so an edit shows at once; what
can go stale for up to a minute is only "open now", which moves with the clock.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

VERSION_KEY = "pagecache:version"


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return int(version)


def content_changed(**kwargs: Any) -> None:
    """Forget every cached page (connected to saves and deletes of directory content)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        # A message waiting to be shown (e.g. after signing out) belongs to this visitor only.
        and "messages" not in request.COOKIES
    )


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the page from the cache to visitors who are not signed in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
        if timeout <= 0 or not _cacheable(request):
            return view(request, *args, **kwargs)
        zone = timezone.get_current_timezone_name()
        key = f"page:{_version()}:{request.LANGUAGE_CODE}:{zone}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.cookies
                and not getattr(response, "streaming", False)
                # A page that carries a CSRF token belongs to one browser.
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            ):
                cache.set(key, (response.content, response["Content-Type"]), timeout)
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    return wrapper
