"""Read queries for the public directory: libraries, networks, their members and people."""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from bibliohub.membership.models import Membership

from .hours import HORIZON_DAYS, filter_open_now
from .models import (
    Branch,
    HoursException,
    Library,
    LibraryRole,
    Network,
    NetworkRole,
    OpeningHours,
    Region,
    Service,
)
from .services import normalise_for_search

# How far ahead "opens at …" may look, and so which exceptions a list row needs.
STATUS_WINDOW_DAYS = HORIZON_DAYS


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for pk, parent_id in Network.objects.filter(parent__isnull=False).values_list(
        "id", "parent_id"
    ):
        children.setdefault(parent_id, []).append(pk)
    return children


def network_descendant_ids(
    network_ids: set[int], children: dict[int, list[int]] | None = None
) -> set[int]:
    """The networks given, with every section and working group below them (one query)."""
    children = _children_map() if children is None else children
    found, frontier = set(network_ids), list(network_ids)
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in found:
                found.add(child)
                frontier.append(child)
    return found


def active_members_q(network_ids: set[int]) -> Exists:
    return Exists(
        Membership.objects.filter(
            library=OuterRef("pk"), status=Membership.Status.ACTIVE, network_id__in=network_ids
        )
    )


def library_directory(
    *,
    q: str = "",
    network: Network | None = None,
    region: Region | None = None,
    library_type: str = "",
    open_now: bool = False,
    now: datetime.datetime | None = None,
) -> QuerySet[Library]:
    """Libraries of the public directory, filtered; the rows a list shows, ordered by name."""
    libraries = Library.objects.select_related("region").order_by("name", "pk")
    needle = normalise_for_search(q)
    if needle:
        libraries = libraries.filter(search_text__contains=needle)
    if network is not None:
        libraries = libraries.filter(active_members_q(network_descendant_ids({network.pk})))
    if region is not None:
        libraries = libraries.filter(region=region)
    if library_type:
        libraries = libraries.filter(library_type=library_type)
    if open_now:
        libraries = filter_open_now(libraries, now=now)
    return libraries


class StatusHours(NamedTuple):
    """One regular-hours row, with just what `hours.status_at` reads."""

    library_id: int
    branch_id: int | None
    service: str
    weekday: int
    opens: datetime.time
    closes: datetime.time


class StatusException(NamedTuple):
    """One dated exception, with just what `hours.status_at` (and a status line) reads."""

    pk: int
    library_id: int
    branch_id: int | None
    service: str
    start_date: datetime.date
    end_date: datetime.date
    closed: bool
    opens: datetime.time | None
    closes: datetime.time | None
    reason: str


def status_data(
    library_ids: list[int], today: datetime.date
) -> tuple[dict[int, list[StatusHours]], dict[int, list[StatusException]]]:
    """What `status_at` needs for the building's general hours of these libraries (2 queries).

    Read as plain tuples: a page of the directory holds hundreds of them, and model instances
    cost more than the rest of the page. `status_at` reads a library's local yesterday to
    `STATUS_WINDOW_DAYS` ahead; `today` (the server's date) may be a day off from a library's own
    date (time zones), hence a day of margin on each side.
    """
    hours: dict[int, list[StatusHours]] = {pk: [] for pk in library_ids}
    exceptions: dict[int, list[StatusException]] = {pk: [] for pk in library_ids}
    if not library_ids:
        return hours, exceptions
    window_start = today - datetime.timedelta(days=2)
    window_end = today + datetime.timedelta(days=STATUS_WINDOW_DAYS + 1)
    # No ORDER BY (hours.py orders the periods itself), and `branch_id + 0`: SQLite would
    # otherwise walk an index by weekday, or its branch index over nearly every row (it counts
    # the NULLs as distinct values), instead of these libraries' rows.
    for row in (
        OpeningHours.objects.alias(main=F("branch_id") + 0)
        .filter(main__isnull=True, service=Service.GENERAL, library_id__in=library_ids)
        .order_by()
        .values_list(*StatusHours._fields)
    ):
        hours[row[0]].append(StatusHours._make(row))
    for row in (
        HoursException.objects.alias(main=F("branch_id") + 0)
        .filter(
            Q(service="") | Q(service=Service.GENERAL),
            main__isnull=True,
            library_id__in=library_ids,
            end_date__gte=window_start,
            start_date__lte=window_end,
        )
        .order_by()
        .values_list(*StatusException._fields)
    ):
        exceptions[row[1]].append(StatusException._make(row))
    return hours, exceptions


def attach_status_data(libraries: list[Library], today: datetime.date) -> list[Library]:
    """Give each library `status_hours` and `status_exceptions` for `hours.status_at`."""
    hours, exceptions = status_data([library.pk for library in libraries], today)
    for library in libraries:
        library.status_hours = hours[library.pk]
        library.status_exceptions = exceptions[library.pk]
    return libraries


def directory_page(
    libraries: QuerySet[Library],
    *,
    number: Any,
    per_page: int,
    today: datetime.date,
    by_ids: bool = False,
) -> tuple[Page, list[Library]]:
    """One page of the directory's libraries, each with `status_hours` and `status_exceptions`
    (what its status needs, see `status_data`).

    `by_ids` (for a costly filter such as "open now"): the filter runs once, for the ids of
    the matching libraries in order, which give both the count and the page, whose rows are
    then fetched by id. Otherwise the database counts, and reads the page off an index.
    """
    if by_ids:
        ids = list(libraries.values_list("pk", flat=True))
        page = Paginator(ids, per_page).get_page(number)
        wanted = list(page.object_list)
        if not wanted:
            return page, []
        rows = Library.objects.select_related("region").filter(pk__in=wanted).order_by()
        by_id = {library.pk: library for library in rows}
        found = [by_id[pk] for pk in wanted if pk in by_id]
    else:
        page = Paginator(libraries, per_page).get_page(number)
        found = list(page.object_list)
        if not found:
            return page, []
    return page, attach_status_data(found, today)


def library_for_page(slug: str) -> Library:
    """One library with everything its public page shows, in a fixed number of queries."""
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Library.objects.select_related("region").prefetch_related(
            Prefetch("hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
            # This week's and coming exceptions; older ones are history.
            Prefetch(
                "exceptions",
                queryset=HoursException.objects.filter(
                    end_date__gte=timezone.now().date() - datetime.timedelta(days=8)
                ).order_by("start_date"),
            ),
            Prefetch("branches", queryset=Branch.objects.order_by("name")),
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(status=Membership.Status.ACTIVE)
                .select_related("network")
                .order_by("network__name"),
                to_attr="active_memberships",
            ),
        ),
        slug=slug,
    )


def upcoming_exceptions(
    exceptions: list[HoursException], today: datetime.date
) -> list[HoursException]:
    return [e for e in exceptions if e.end_date >= today]


def top_networks() -> list[Network]:
    """Networks that belong to no other, each with `member_count`: libraries that are active
    members of it or of any of its sections."""
    networks = list(Network.objects.filter(parent__isnull=True).order_by("name"))
    children = _children_map()
    for network in networks:
        ids = network_descendant_ids({network.pk}, children)
        network.member_count = (
            Membership.objects.filter(status=Membership.Status.ACTIVE, network_id__in=ids)
            .values("library_id")
            .distinct()
            .count()
        )
    return networks


def network_tree() -> list[tuple[Network, int]]:
    """Every network with its depth, parents before their sections, and direct member counts."""
    networks = list(
        Network.objects.select_related("parent")
        .annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)
            )
        )
        .order_by("name")
    )
    children: dict[int | None, list[Network]] = {}
    for network in networks:
        children.setdefault(network.parent_id, []).append(network)
    ordered: list[tuple[Network, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for network in children.get(parent_id, []):
            ordered.append((network, depth))
            walk(network.pk, depth + 1)

    walk(None, 0)
    return ordered


def network_for_page(slug: str) -> Network:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Network.objects.select_related("parent", "region").prefetch_related(
            Prefetch("children", queryset=Network.objects.order_by("kind", "name")),
            Prefetch(
                "roles",
                queryset=NetworkRole.objects.filter(role=NetworkRole.Role.COORDINATOR)
                .select_related("user")
                .order_by("user__full_name", "user__email"),
                to_attr="coordinator_roles",
            ),
        ),
        slug=slug,
    )


def network_members(network: Network, *, with_branches: bool = False) -> QuerySet[Library]:
    """Libraries that are active members of this very network, by name."""
    libraries = (
        Library.objects.filter(active_members_q({network.pk}))
        .select_related("region")
        .order_by("name", "pk")
    )
    if with_branches:
        libraries = libraries.prefetch_related(
            Prefetch("branches", queryset=Branch.objects.order_by("name"))
        )
    return libraries


def network_member_count(network: Network) -> int:
    """How many libraries `network_members` lists, counted from the memberships alone."""
    return (
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE)
        .values("library_id")
        .distinct()
        .count()
    )


def network_people(network: Network) -> dict[str, Any]:
    """People of a network: roles in it and its sections, and roles in its member libraries."""
    ids = network_descendant_ids({network.pk})
    network_roles = (
        NetworkRole.objects.filter(network_id__in=ids)
        .select_related("user", "network")
        .order_by("network__name", "role", "user__full_name", "user__email")
    )
    library_roles = (
        LibraryRole.objects.filter(
            Exists(
                Membership.objects.filter(
                    library=OuterRef("library"),
                    status=Membership.Status.ACTIVE,
                    network_id__in=ids,
                )
            )
        )
        .select_related("user", "library")
        .order_by("library__name", "role", "user__full_name", "user__email")
    )
    return {"network_roles": network_roles, "library_roles": library_roles}
