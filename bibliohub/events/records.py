"""What follows an event: the participant list, attendance (ticked or uploaded), exports,
certificates, a person's learning record and a network's training hours per library."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Prefetch, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bibliohub.core.visibility import coordinated_network_ids, visible_q
from bibliohub.directory.models import Library, Network

from . import exports, services
from .certificates import certificate_pdf, format_hours, may_have_certificate
from .models import Event, Registration, Session
from .selectors import network_with_sections, visible_events


def _event_to_manage(user: Any, slug: str) -> Event:
    """The event, for the people who manage it; 404 when they cannot see it, 403 otherwise."""
    event = visible_events(user).select_related("network").filter(slug=slug).first()
    if event is None:
        raise Http404
    if not services.can_manage(user, event):
        raise PermissionDenied
    return event


def _participant_ids(values: list[str]) -> set[int]:
    return {int(v) for v in values if v.isdigit()}


@login_required
def participants(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_to_manage(request.user, slug)
    if request.method == "POST":
        return _participants_post(request, event)
    questions, people = exports.participant_list(event)
    counts = {"confirmed": 0, "waiting": 0, "cancelled": 0, "attended": 0}
    for p in people:
        counts[p.registration.status] += 1
        if p.registration.status == Registration.Status.CONFIRMED and p.registration.attended:
            counts["attended"] += 1
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "questions": questions,
            "participants": people,
            "counts": counts,
        },
    )


def _participants_post(request: HttpRequest, event: Event) -> HttpResponse:
    action = request.POST.get("action")
    if action == "attendance":
        ids = _participant_ids(request.POST.getlist("attended"))
        try:
            with transaction.atomic():
                present = services.attendance_set(actor=request.user, event=event, attended_ids=ids)
        except services.EventError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Attendance saved: %(count)s present.") % {"count": present},
            )
    elif action == "cancel":
        pk = request.POST.get("registration", "")
        registration = get_object_or_404(
            Registration, pk=int(pk) if pk.isdigit() else 0, event=event
        )
        services.cancel_registration(registration=registration, actor=request.user)
        messages.success(
            request,
            _("The registration of %(name)s has been cancelled.") % {"name": registration.name},
        )
    return redirect("events:participants", slug=event.slug)


@login_required
def participants_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    event = _event_to_manage(request.user, slug)
    questions, people = exports.participant_list(event)
    headers, rows = exports.participant_table(event, questions, people)
    if fmt == "csv":
        content, mime = exports.write_csv(headers, rows), f"{exports.CSV_MIME}; charset=utf-8"
    else:
        content, mime = (
            exports.write_xlsx(headers, rows, title=_("Participants")),
            exports.XLSX_MIME,
        )
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.{fmt}"'
    return response


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Participant list with attendance"),
        help_text=gettext_lazy(
            "The list exported from the participants page (.csv or .xlsx) with the “Attended” "
            "column filled in: yes or no (also ano, ne, da, так, ні, x, 1, 0). Empty cells "
            "keep what was marked before. At most 2 MB."
        ),
        widget=forms.FileInput(attrs={"accept": f".csv,.xlsx,text/csv,{exports.XLSX_MIME}"}),
    )


@login_required
def attendance_upload(request: HttpRequest, slug: str) -> HttpResponse:
    event = _event_to_manage(request.user, slug)
    problems: list[str] = []
    form = AttendanceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > exports.MAX_UPLOAD_BYTES:
                raise exports.UploadError(_("The file is larger than 2 MB."))
            rows = exports.read_table(upload.name, upload.read(exports.MAX_UPLOAD_BYTES + 1))
            changes = exports.attendance_changes(event, rows)
            _apply_attendance(request.user, event, changes)
        except exports.UploadError as exc:
            problems = exc.problems
        except services.EventError as exc:
            problems = [str(exc.message)]
        else:
            messages.success(
                request,
                _("Attendance saved from the file: %(present)s present, %(absent)s absent.")
                % {"present": len(changes.present), "absent": len(changes.absent)},
            )
            return redirect("events:participants", slug=event.slug)
    return render(
        request,
        "events/attendance_upload.html",
        {"event": event, "form": form, "problems": problems},
        status=400 if problems else 200,
    )


def _apply_attendance(actor: Any, event: Event, changes: exports.AttendanceChanges) -> None:
    """Who the file marks present is added, who it marks absent removed; others keep theirs.

    The whole event is written through `attendance_set`, in one transaction under the event's
    lock, so a concurrent change of attendance cannot be lost in between.
    """
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        current = set(
            locked.registrations.filter(
                status=Registration.Status.CONFIRMED, attended=True
            ).values_list("id", flat=True)
        )
        services.attendance_set(
            actor=actor,
            event=locked,
            attended_ids=(current | changes.present) - changes.absent,
        )


# --- Certificates ----------------------------------------------------------------------------


@login_required
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    event = (
        visible_events(request.user)
        .select_related("network", "network__parent", "host_library")
        .prefetch_related(
            "translations", Prefetch("sessions", queryset=Session.objects.order_by("starts_at"))
        )
        .filter(slug=slug)
        .first()
    )
    if event is None:
        raise Http404
    registrations = Registration.objects.filter(event=event).select_related("user")
    wanted = request.GET.get("registration")
    if wanted is not None:
        if not (wanted.isdigit() and services.can_manage(request.user, event)):
            raise Http404
        registration = registrations.filter(pk=int(wanted)).first()
    else:
        registration = registrations.filter(
            user=request.user, status=Registration.Status.CONFIRMED, attended=True
        ).first()
    if registration is None:
        raise Http404
    registration.event = event
    if not may_have_certificate(registration):
        raise Http404
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{event.slug}.pdf"'
    return response


# --- Learning records ------------------------------------------------------------------------


def _attended(queryset: QuerySet[Registration]) -> QuerySet[Registration]:
    return queryset.filter(
        status=Registration.Status.CONFIRMED,
        attended=True,
        event__status=Event.Status.SCHEDULED,
    )


@login_required
def learning_record(request: HttpRequest) -> HttpResponse:
    """A person's training hours per year and the events they attended."""
    mine = _attended(
        Registration.objects.filter(visible_q(request.user, "event"), user=request.user)
    )
    # Years in the reader's zone, the same zone `localtime` uses for the rows below.
    totals = (
        mine.annotate(year=ExtractYear("event__starts_at"))
        .values("year")
        .annotate(hours=Sum("event__training_hours"), events=Count("id"))
        .order_by("-year")
    )
    rows = (
        mine.select_related("event", "event__network")
        .prefetch_related("event__translations")
        .order_by("-event__starts_at", "-id")
    )
    by_year: dict[int, list[Registration]] = {}
    for registration in rows:
        year = timezone.localtime(registration.event.starts_at).year
        by_year.setdefault(year, []).append(registration)
    years = [
        {
            "year": t["year"],
            "hours": format_hours(t["hours"]),
            "events": t["events"],
            "registrations": [
                {"registration": r, "hours": format_hours(r.event.training_hours)}
                for r in by_year.get(t["year"], [])
            ],
        }
        for t in totals
    ]
    return render(request, "events/learning.html", {"years": years})


@login_required
def learning_network(request: HttpRequest, network: str) -> HttpResponse:
    """Training hours of a network's events per library, for the network's coordinators."""
    net = get_object_or_404(Network.objects.select_related("parent"), slug=network)
    if net.pk not in coordinated_network_ids(request.user):
        raise PermissionDenied
    network_ids = network_with_sections(net)
    attended = _attended(
        Registration.objects.filter(
            visible_q(request.user, "event"), event__network_id__in=network_ids
        )
    )
    this_year = timezone.localdate().year
    years = set(
        attended.annotate(year=ExtractYear("event__starts_at"))
        .order_by("year")
        .values_list("year", flat=True)
        .distinct()
    )
    year = this_year
    asked = request.GET.get("year", "")
    if asked.isdigit() and 1900 <= int(asked) <= 9999:
        year = int(asked)
    years = sorted(years | {this_year, year}, reverse=True)

    in_year = attended.filter(event__starts_at__year=year)
    sums = {
        "people": Count("email", distinct=True),
        "events": Count("event_id", distinct=True),
        "hours": Sum("event__training_hours"),
    }
    rows = list(
        in_year.values("library_id", "library__name", "library__town", "library__slug")
        .annotate(**sums)
        .order_by(F("library__name").asc(nulls_last=True), "library_id")
    )
    total = in_year.aggregate(**sums)
    member_libraries = (
        Library.objects.filter(
            memberships__network_id__in=network_ids, memberships__status="active"
        )
        .exclude(id__in=[r["library_id"] for r in rows if r["library_id"]])
        .distinct()
        .order_by("name")
        .values("name", "town", "slug")
    )
    if request.GET.get("format") == "csv":
        return _learning_network_csv(net, year, rows, total)
    for row in rows:
        row["hours_shown"] = format_hours(row["hours"])
    return render(
        request,
        "events/learning_network.html",
        {
            "network": net,
            "year": year,
            "years": years,
            "rows": rows,
            "total": {**total, "hours_shown": format_hours(total["hours"])},
            "member_libraries_without": list(member_libraries),
        },
    )


def _learning_network_csv(
    network: Network, year: int, rows: list[dict[str, Any]], total: dict[str, Any]
) -> HttpResponse:
    headers = [_("Library"), _("Town"), _("People who attended"), _("Events"), _("Training hours")]
    table = [
        [
            r["library__name"] or _("Without a library"),
            r["library__town"] or "",
            r["people"],
            r["events"],
            format_hours(r["hours"]),
        ]
        for r in rows
    ]
    table.append([_("Total"), "", total["people"], total["events"], format_hours(total["hours"])])
    response = HttpResponse(
        exports.write_csv(headers, table), content_type=f"{exports.CSV_MIME}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{network.slug}-training-{year}.csv"'
    return response
