"""The reader's time zone: from their profile, else from their browser, else the site's.

The browser's zone arrives in the `bh_tz` cookie, which the site's script sets from
`Intl.DateTimeFormat().resolvedOptions().timeZone`; a zone that is not a real IANA name is
ignored. Times are stored in UTC and shown in the active zone, so an online session at 10:00 in
Prague shows 11:00 to a reader in Kyiv.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

COOKIE = "bh_tz"


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(
        z
        for z in zoneinfo.available_timezones()
        if "/" in z and not z.startswith(("Etc/", "SystemV/"))
    )


def is_valid_zone(name: str) -> bool:
    return bool(name) and name in _zones()


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(z, z.replace("_", " ")) for z in sorted(_zones())]


def zone_of(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and is_valid_zone(user.time_zone):
        return user.time_zone
    cookie = request.COOKIES.get(COOKIE, "")
    return cookie if is_valid_zone(cookie) else None


class TimezoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        zone = zone_of(request)
        if zone:
            timezone.activate(zoneinfo.ZoneInfo(zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
