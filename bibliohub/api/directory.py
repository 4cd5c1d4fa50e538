"""API endpoints of the public directory: libraries and networks, and a network's people."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from bibliohub.directory import hours as opening_hours
from bibliohub.directory import selectors
from bibliohub.directory.models import (
    Branch,
    HoursException,
    Library,
    Network,
    OpeningHours,
    Region,
    Service,
)

from .auth import PUBLIC, SIGNED_IN
from .schemas import (
    ErrorOut,
    LibraryDetailOut,
    LibraryPage,
    NetworkDetailOut,
    NetworkOut,
    NetworkPeopleOut,
)

router = Router(tags=["directory"])

MAX_LIMIT = 100


def _region(region: Region | None) -> dict[str, Any] | None:
    if region is None:
        return None
    return {"slug": region.slug, "name": region.name, "country": region.country}


def _number(value: Any) -> float | None:
    return float(value) if value is not None else None


def _library(
    request: HttpRequest, library: Library, status: opening_hours.Status
) -> dict[str, Any]:
    return {
        "slug": library.slug,
        "name": library.name,
        "library_type": library.library_type,
        "town": library.town,
        "country": library.country,
        "region": _region(library.region),
        "language": library.language,
        "latitude": _number(library.latitude),
        "longitude": _number(library.longitude),
        "url": request.build_absolute_uri(library.get_absolute_url()),
        "open_now": status.is_open,
        "closes_at": status.closes_at,
        "opens_at": status.opens_at,
    }


def _service_hours(hours: list[OpeningHours]) -> list[dict[str, Any]]:
    by_service: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(hours, key=lambda h: (h.weekday, h.opens)):
        by_service.setdefault(row.service, []).append(
            {"weekday": row.weekday, "opens": row.opens, "closes": row.closes}
        )
    return [
        {"service": value, "label": str(label), "periods": by_service[value]}
        for value, label in Service.choices
        if value in by_service
    ]


def _exceptions(exceptions: list[HoursException], today: datetime.date) -> list[dict[str, Any]]:
    return [
        {
            "start_date": e.start_date,
            "end_date": e.end_date,
            "service": e.service,
            "closed": e.closed,
            "opens": e.opens,
            "closes": e.closes,
            "reason": e.reason,
        }
        for e in selectors.upcoming_exceptions(exceptions, today)
    ]


def _network(request: HttpRequest, network: Network) -> dict[str, Any]:
    return {
        "slug": network.slug,
        "name": network.name,
        "short_name": network.short_name,
        "kind": network.kind,
        "parent": network.parent.slug if network.parent_id else None,
        "country": network.country,
        "region": _region(network.region),
        "language": network.language,
        "summary": network.summary,
        "accepts_applications": network.accepts_applications,
        "url": request.build_absolute_uri(network.get_absolute_url()),
    }


def _network_by_slug(slug: str) -> Network:
    return get_object_or_404(Network, slug=slug)


@router.get(
    "/libraries",
    response={200: LibraryPage, 400: ErrorOut},
    auth=PUBLIC,
    summary="The library directory",
)
def libraries(
    request: HttpRequest,
    q: str = "",
    network: str = "",
    region: str = "",
    type: str = "",  # noqa: A002 - the public name of the filter
    open_now: bool = False,
    limit: int = Query(25, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Libraries by name; filter by text (name or town), network slug (with its sections),
    region slug, type of library and "open now" (the building's general hours)."""
    filters: dict[str, Any] = {"q": q, "open_now": open_now}
    if network:
        filters["network"] = Network.objects.filter(slug=network).first()
        if filters["network"] is None:
            raise HttpError(400, _("There is no network “%(slug)s”.") % {"slug": network})
    if region:
        filters["region"] = Region.objects.filter(slug=region).first()
        if filters["region"] is None:
            raise HttpError(400, _("There is no region “%(slug)s”.") % {"slug": region})
    if type:
        if type not in Library.Type.values:
            raise HttpError(
                400,
                _("Unknown type of library “%(type)s”; use one of: %(types)s.")
                % {"type": type, "types": ", ".join(Library.Type.values)},
            )
        filters["library_type"] = type
    now = timezone.now()
    queryset = selectors.library_directory(**filters, now=now)
    count = queryset.count()
    page = selectors.attach_status_data(list(queryset[offset : offset + limit]), now.date())
    items = [
        _library(
            request,
            library,
            opening_hours.status_at(
                library, now, hours=library.status_hours, exceptions=library.status_exceptions
            ),
        )
        for library in page
    ]
    return {"count": count, "limit": limit, "offset": offset, "items": items}


@router.get(
    "/libraries/{slug}",
    response={200: LibraryDetailOut, 404: ErrorOut},
    auth=PUBLIC,
    summary="One library with branches, hours per service and memberships",
)
def library(request: HttpRequest, slug: str) -> dict[str, Any]:
    lib = selectors.library_for_page(slug)
    now = timezone.now()
    today = now.astimezone(opening_hours.library_zone(lib)).date()
    all_hours = list(lib.hours.all())
    all_exceptions = list(lib.exceptions.all())
    own_hours = [h for h in all_hours if h.branch_id is None]
    own_exceptions = [e for e in all_exceptions if e.branch_id is None]
    status = opening_hours.status_at(lib, now, hours=own_hours, exceptions=own_exceptions)

    def branch(b: Branch) -> dict[str, Any]:
        return {
            "id": b.pk,
            "name": b.name,
            "street": b.street,
            "postcode": b.postcode,
            "town": b.town,
            "latitude": _number(b.latitude),
            "longitude": _number(b.longitude),
            "email": b.email,
            "phone": b.phone,
            "hours": _service_hours([h for h in all_hours if h.branch_id == b.pk]),
            "exceptions": _exceptions([e for e in all_exceptions if e.branch_id == b.pk], today),
        }

    return {
        **_library(request, lib, status),
        "street": lib.street,
        "postcode": lib.postcode,
        "founder": lib.founder,
        "population_served": lib.population_served,
        "timezone": lib.timezone,
        "email": lib.email,
        "phone": lib.phone,
        "website": lib.website,
        "description": lib.description,
        "hours": _service_hours(own_hours),
        "exceptions": _exceptions(own_exceptions, today),
        "branches": [branch(b) for b in lib.branches.all()],
        "memberships": [
            {
                "network": m.network.slug,
                "network_name": m.network.name,
                "status": m.status,
                "since": m.since,
            }
            for m in lib.active_memberships
        ],
    }


@router.get("/networks", response=list[NetworkOut], auth=PUBLIC, summary="Every network")
def networks(request: HttpRequest) -> list[dict[str, Any]]:
    queryset = Network.objects.select_related("parent", "region").order_by("name", "pk")
    return [_network(request, n) for n in queryset]


@router.get(
    "/networks/{slug}",
    response={200: NetworkDetailOut, 404: ErrorOut},
    auth=PUBLIC,
    summary="One network with its sections, member libraries and coordinators",
)
def network(request: HttpRequest, slug: str) -> dict[str, Any]:
    net = selectors.network_for_page(slug)
    return {
        **_network(request, net),
        "description": net.description,
        "email": net.email,
        "phone": net.phone,
        "website": net.website,
        "sections": [
            _network(request, child)
            for child in net.children.select_related("parent", "region").order_by("name")
        ],
        "member_libraries": list(selectors.network_members(net).values_list("slug", flat=True)),
        "coordinators": [
            {"name": role.user.full_name or "", "title": role.title, "network": net.slug}
            for role in net.coordinator_roles
        ],
    }


@router.get(
    "/networks/{slug}/people",
    response={200: NetworkPeopleOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=SIGNED_IN,
    summary="People of a network (members of the network only)",
)
def network_people(request: HttpRequest, slug: str) -> dict[str, Any]:
    net = _network_by_slug(slug)
    if not request.auth.has_perm("directory.view_network_people", net):
        raise HttpError(403, _("Only members of this network may see its people."))
    people = selectors.network_people(net)
    return {
        "network": net.slug,
        "network_roles": [
            {
                "name": r.user.full_name,
                "email": r.user.email,
                "role": r.role,
                "title": r.title,
                "network": r.network.slug,
            }
            for r in people["network_roles"]
        ],
        "library_roles": [
            {
                "name": r.user.full_name,
                "email": r.user.email,
                "role": r.role,
                "title": r.title,
                "library": r.library.slug,
            }
            for r in people["library_roles"]
        ],
    }
