"""Pages of the directory: the public one for visitors, and editing for coordinators."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bibliohub.core.pagecache import public_page

from . import hours as opening_hours
from . import selectors, services
from .forms import (
    BranchForm,
    ExceptionFormSet,
    HoursFormSet,
    LibraryFilterForm,
    LibraryForm,
    NetworkForm,
    SectionForm,
)
from .models import Branch, Library, Network, Service
from .templatetags.directory_tags import opening_status


def _denied(request: HttpRequest) -> HttpResponse:
    """Anonymous people are asked to sign in; signed-in people get a page that says no."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "directory/forbidden.html", status=403)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/home.html",
        {"networks": selectors.top_networks(), "search_form": LibraryFilterForm()},
    )


@public_page
def libraries(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    # The choices need only what they show (a network's description may be long).
    form.fields["network"].queryset = Network.objects.only("slug", "name").order_by("name")
    filters = form.filters()
    now = timezone.now()
    queryset = selectors.library_directory(**filters, now=now)
    page, libraries = selectors.directory_page(
        queryset,
        number=request.GET.get("page"),
        per_page=settings.DIRECTORY_PAGE_SIZE,
        today=now.date(),
        by_ids=filters["open_now"] or bool(filters["q"]),
    )
    rows = []
    # One reverse() for the page rather than one per row (a slug needs no quoting), and each
    # row's text made here: the template only places it.
    url = reverse("directory:library", kwargs={"slug": "-"})
    # What `get_library_type_display` gives, looked up once per page rather than once per row.
    type_labels = {value: str(label) for value, label in Library.Type.choices}
    for library in libraries:
        zone = opening_hours.library_zone(library)
        status = opening_hours.status_at(
            library, now, hours=library.status_hours, exceptions=library.status_exceptions
        )
        rows.append(
            {
                "library": library,
                "status": status,
                "zone": zone,
                "url": url.replace("/-/", f"/{library.slug}/"),
                "name": library.name,
                "language": library.language,
                "type": type_labels.get(library.library_type, library.library_type),
                "town": library.town,
                "region": library.region.name if library.region_id else None,
                "status_html": opening_status(status, zone, now),
            }
        )
    return render(
        request,
        "directory/libraries.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "now": now,
            "filtered": any(filters.values()),
        },
    )


@public_page
def library(request: HttpRequest, slug: str) -> HttpResponse:
    lib = selectors.library_for_page(slug)
    zone = opening_hours.library_zone(lib)
    now = timezone.now()
    today = now.astimezone(zone).date()
    monday = today - datetime.timedelta(days=today.weekday())
    # Fetched once; hours.py picks the rows of the library itself or of one branch.
    hours, exceptions = list(lib.hours.all()), list(lib.exceptions.all())
    week = opening_hours.week_table(
        lib, start=monday, hours=hours, exceptions=exceptions, today=today
    )
    status = opening_hours.status_at(lib, now, hours=hours, exceptions=exceptions)
    shown = _WeekFormatter(lib.language)
    branches = []
    for branch in lib.branches.all():
        branch_week = opening_hours.week_table(
            lib, start=monday, branch=branch, hours=hours, exceptions=exceptions, today=today
        )
        branches.append({"branch": branch, "week": branch_week, "rows": shown.week(branch_week)})
    upcoming = selectors.upcoming_exceptions(exceptions, today)
    user = request.user
    can_edit = user.is_authenticated and user.has_perm("directory.change_library", lib)
    return render(
        request,
        "directory/library.html",
        {
            "library": lib,
            "zone": zone,
            "now": now,
            "today": today,
            "week": week,
            "week_rows": shown.week(week),
            "status": status,
            "branches": branches,
            "upcoming": upcoming,
            "other_zone": str(zone) != settings.TIME_ZONE,
            "can_edit": can_edit,
            "json_ld": library_json_ld(request, lib, hours, exceptions, today),
            "branch_names": {b.pk: b.name for b in lib.branches.all()},
        },
    )


class _WeekFormatter:
    """Week tables as rows of already formatted text, in the interface language's formats.

    The same few days and times recur in every table of a page (the library's and each
    branch's, per service): each is formatted once, not once per cell in the template. Each
    day's hours come as the HTML the template places (`language`: that of the library's
    content, for an exception's reason).
    """

    def __init__(self, language: str) -> None:
        self.days: dict[datetime.date, tuple[str, str]] = {}
        self.times: dict[datetime.time, str] = {}
        self.lang = conditional_escape(language)
        self.closed = conditional_escape(_("Closed"))
        self.kinds = (conditional_escape(_("Changed hours")), conditional_escape(_("Closure")))

    def _day(self, day: datetime.date) -> tuple[str, str]:
        if day not in self.days:
            self.days[day] = (
                formats.date_format(day, "l"),
                formats.date_format(day, "SHORT_DATE_FORMAT"),
            )
        return self.days[day]

    def _time(self, moment: datetime.datetime) -> str:
        wall = moment.time()
        if wall not in self.times:
            self.times[wall] = conditional_escape(formats.time_format(wall, "TIME_FORMAT"))
        return self.times[wall]

    def _hours(self, row: opening_hours.DayRow) -> SafeString:
        periods = ", ".join(
            f'<span class="nowrap">{self._time(p.opens)}–{self._time(p.closes)}</span>'
            for p in row.periods
        )
        return mark_safe(periods or self.closed)  # noqa: S308 (every part escaped above)

    def _exception(self, exception: Any) -> SafeString:
        if not exception:
            return mark_safe("")
        reason = ""
        if exception.reason:
            reason = f': <span lang="{self.lang}">{conditional_escape(exception.reason)}</span>'
        kind = self.kinds[bool(exception.closed)]
        return mark_safe(f"<br><em>{kind}{reason}</em>")  # noqa: S308 (escaped above)

    def week(self, week: list[opening_hours.ServiceWeek]) -> list[dict[str, Any]]:
        return [
            {
                "label": service_week.label,
                "days": [
                    {
                        "name": self._day(row.day)[0],
                        "date": self._day(row.day)[1],
                        "is_today": row.is_today,
                        "hours": self._hours(row),
                        "exception": self._exception(row.exception),
                    }
                    for row in service_week.days
                ],
            }
            for service_week in week
        ]


def library_json_ld(
    request: HttpRequest, lib: Library, hours: list, exceptions: list, today: datetime.date
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Library",
        "name": lib.name,
        "url": lib.website or request.build_absolute_uri(lib.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": lib.street,
            "postalCode": lib.postcode,
            "addressLocality": lib.town,
            "addressCountry": lib.country,
        },
    }
    if lib.region_id:
        data["address"]["addressRegion"] = lib.region.name
    if lib.latitude is not None and lib.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(lib.latitude),
            "longitude": float(lib.longitude),
        }
    if lib.phone:
        data["telephone"] = lib.phone
    if lib.email:
        data["email"] = lib.email
    if lib.description:
        data["description"] = lib.description
    data["openingHoursSpecification"] = opening_hours.opening_hours_specification(
        lib, hours=hours, exceptions=exceptions, today=today
    )
    return data


@public_page
def networks(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/networks.html", {"tree": selectors.network_tree()})


@public_page
def network(request: HttpRequest, slug: str) -> HttpResponse:
    net = selectors.network_for_page(slug)
    is_system = net.kind == Network.Kind.LIBRARY_SYSTEM
    members = selectors.network_members(net, with_branches=is_system)
    page = _CountedPaginator(
        members, settings.DIRECTORY_PAGE_SIZE * 2, count=selectors.network_member_count(net)
    ).get_page(request.GET.get("page"))
    user = request.user
    signed_in = user.is_authenticated
    return render(
        request,
        "directory/network.html",
        {
            "network": net,
            "page": page,
            "is_system": is_system,
            "ancestors": list(reversed(net.ancestors())),
            "can_edit": signed_in and user.has_perm("directory.change_network", net),
            "can_see_people": signed_in and user.has_perm("directory.view_network_people", net),
        },
    )


class _CountedPaginator(Paginator):
    """A paginator told its count (cheaper to find than by counting the page's query)."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills Paginator.count, a cached_property


def network_people(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_object_or_404(Network, slug=slug)
    if not request.user.has_perm("directory.view_network_people", net):
        return _denied(request)
    people = selectors.network_people(net)
    page = Paginator(people["library_roles"], 100).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/network_people.html",
        {"network": net, "network_roles": people["network_roles"], "page": page},
    )


# --- Editing ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def network_edit(request: HttpRequest, slug: str) -> HttpResponse:
    net = get_object_or_404(Network, slug=slug)
    if not request.user.has_perm("directory.change_network", net):
        return _denied(request)
    # The form works on its own copy, so the service still sees the values before the change.
    form = NetworkForm(request.POST or None, instance=Network.objects.get(pk=net.pk))
    if request.method == "POST" and form.is_valid():
        services.network_update(network=net, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The network was saved."))
        return redirect(net)
    return render(request, "directory/network_form.html", {"network": net, "form": form})


@require_http_methods(["GET", "POST"])
def section_add(request: HttpRequest, slug: str) -> HttpResponse:
    parent = get_object_or_404(Network, slug=slug)
    if not request.user.has_perm("directory.change_network", parent):
        return _denied(request)
    form = SectionForm(
        request.POST or None,
        initial={"language": parent.language, "kind": Network.Kind.SECTION},
    )
    if request.method == "POST" and form.is_valid():
        section = services.section_create(parent=parent, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The section was created."))
        return redirect(section)
    return render(request, "directory/section_form.html", {"network": parent, "form": form})


def _editable_library(request: HttpRequest, slug: str) -> tuple[Library, HttpResponse | None]:
    lib = get_object_or_404(Library.objects.select_related("region"), slug=slug)
    if not request.user.has_perm("directory.change_library", lib):
        return lib, _denied(request)
    return lib, None


@require_http_methods(["GET", "POST"])
def library_edit(request: HttpRequest, slug: str) -> HttpResponse:
    lib, denied = _editable_library(request, slug)
    if denied:
        return denied
    form = LibraryForm(request.POST or None, instance=Library.objects.get(pk=lib.pk))
    if request.method == "POST" and form.is_valid():
        services.library_update(library=lib, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The library was saved."))
        return redirect(lib)
    return render(
        request,
        "directory/library_form.html",
        {"library": lib, "form": form, "branches": lib.branches.all()},
    )


@require_http_methods(["GET", "POST"])
def library_hours(request: HttpRequest, slug: str) -> HttpResponse:
    lib, denied = _editable_library(request, slug)
    if denied:
        return denied
    today = services.library_today(lib)
    if request.method == "POST":
        hours_formset = HoursFormSet(request.POST, prefix="hours", library=lib)
        exceptions_formset = ExceptionFormSet(request.POST, prefix="exceptions", library=lib)
        if hours_formset.is_valid() and exceptions_formset.is_valid():
            with transaction.atomic():
                services.library_set_hours(
                    library=lib,
                    actor=request.user,
                    rows=hours_formset.kept_rows(),
                    exceptions=exceptions_formset.kept_rows(),
                    today=today,
                )
            messages.success(request, _("The opening hours were saved."))
            return redirect("directory:library_hours", slug=lib.slug)
        status = 400
    else:
        hours_formset = HoursFormSet(
            prefix="hours",
            library=lib,
            initial=[
                {
                    "branch": str(h.branch_id or ""),
                    "service": h.service,
                    "weekday": h.weekday,
                    "opens": h.opens,
                    "closes": h.closes,
                }
                for h in lib.hours.order_by("branch__name", "service", "weekday", "opens")
            ],
        )
        exceptions_formset = ExceptionFormSet(
            prefix="exceptions",
            library=lib,
            initial=[
                {
                    "branch": str(e.branch_id or ""),
                    "service": e.service,
                    "start_date": e.start_date,
                    "end_date": e.end_date,
                    "closed": e.closed,
                    "opens": e.opens,
                    "closes": e.closes,
                    "reason": e.reason,
                }
                for e in lib.exceptions.filter(end_date__gte=today).order_by("start_date")
            ],
        )
        status = 200
    return render(
        request,
        "directory/library_hours.html",
        {
            "library": lib,
            "hours_formset": hours_formset,
            "exceptions_formset": exceptions_formset,
            "services": Service,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def branch_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _branch_form(request, slug, None)


@require_http_methods(["GET", "POST"])
def branch_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _branch_form(request, slug, pk)


def _branch_form(request: HttpRequest, slug: str, pk: int | None) -> HttpResponse:
    lib, denied = _editable_library(request, slug)
    if denied:
        return denied
    branch = get_object_or_404(Branch, pk=pk, library=lib) if pk else None
    form = BranchForm(
        request.POST or None, instance=Branch.objects.get(pk=branch.pk) if branch else None
    )
    if request.method == "POST" and form.is_valid():
        services.branch_save(library=lib, actor=request.user, branch=branch, **form.cleaned_data)
        messages.success(request, _("The branch was saved."))
        return redirect("directory:library_edit", slug=lib.slug)
    return render(
        request, "directory/branch_form.html", {"library": lib, "branch": branch, "form": form}
    )


@require_http_methods(["GET", "POST"])
def branch_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    lib, denied = _editable_library(request, slug)
    if denied:
        return denied
    branch = get_object_or_404(Branch, pk=pk, library=lib)
    if request.method == "POST":
        services.branch_delete(branch=branch, actor=request.user)
        messages.success(request, _("The branch was removed."))
        return redirect("directory:library_edit", slug=lib.slug)
    return render(request, "directory/branch_delete.html", {"library": lib, "branch": branch})
