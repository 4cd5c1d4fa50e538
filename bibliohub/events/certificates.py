"""PDF certificates of attendance, in the attendee's language.

Set in Source Sans Pro, embedded, which covers the Latin letters of Czech, Slovenian and Serbian
and the Cyrillic of Serbian and Ukrainian; text stays extractable (and searchable) in the PDF.
"""

from __future__ import annotations

import datetime
import functools
import importlib.resources
import zoneinfo
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from .models import Event, Registration

ACCENT = (11, 83, 148)
INK = (27, 31, 36)
MUTED = (74, 83, 96)
FONT = "SourceSans"


@functools.cache
def _font_file(style: str) -> str:
    files = importlib.resources.files("font_source_sans_pro") / "files"
    return str(files / f"SourceSansPro-{style}.ttf")


def format_hours(value: Decimal | int | float | None) -> str:
    """Hours in the active language's number format: 6, 10,5 (cs) or 10.5 (en)."""
    hours = Decimal(str(value or 0))
    if hours == hours.to_integral_value():
        return number_format(int(hours))
    return number_format(hours, decimal_pos=1)


def certificate_language(registration: Registration) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    for language in (
        registration.user.language if registration.user_id else "",
        registration.language,
        registration.event.language,
    ):
        if language in known:
            return language
    return settings.LANGUAGE_CODE


def may_have_certificate(registration: Registration) -> bool:
    """A confirmed participant marked present at an event that was not called off."""
    return (
        registration.status == Registration.Status.CONFIRMED
        and registration.attended is True
        and not registration.event.is_cancelled
    )


def session_days(event: Event) -> list[datetime.date]:
    """Every day on which a session of the event took place, in the event's zone."""
    zone = zoneinfo.ZoneInfo(event.timezone)
    days: set[datetime.date] = set()
    for session in event.sessions.all():
        day = session.starts_at.astimezone(zone).date()
        last = session.ends_at.astimezone(zone).date()
        while day <= last:
            days.add(day)
            day += datetime.timedelta(days=1)
    return sorted(days)


def _place(event: Event) -> str:
    where = event.venue or event.town or (event.host_library.town if event.host_library else "")
    if event.mode == Event.Mode.ONLINE or not where:
        return _("online")
    if event.mode == Event.Mode.HYBRID:
        return _("%(place)s and online") % {"place": where}
    return where


def _issuer(event: Event) -> str:
    network = event.network
    if network.kind == network.Kind.SECTION and network.parent_id:
        return f"{network.name}, {network.parent.name}"
    return network.name


def _issue_day(event: Event, now: datetime.datetime) -> datetime.date:
    """The last day of the event once it is over, so every download shows the same date."""
    zone = zoneinfo.ZoneInfo(event.timezone)
    end = event.ends_at or event.starts_at or now
    return min(end, now).astimezone(zone).date()


def certificate_number(registration: Registration) -> str:
    return f"{registration.event_id}-{registration.pk}"


def certificate_pdf(registration: Registration, now: datetime.datetime | None = None) -> bytes:
    """The certificate of one attendee; the event's sessions and translations may be prefetched."""
    from fpdf import FPDF

    event = registration.event
    language = certificate_language(registration)
    now = now or timezone.now()
    with translation.override(language):
        title = event.translated(language).title
        heading = _("Certificate of attendance")
        days = ", ".join(date_format(day, "DATE_FORMAT") for day in session_days(event))
        lines: dict[str, Any] = {
            "took_part": _("took part in"),
            "when": days,
            "place": _("Place: %(place)s") % {"place": _place(event)},
            "hours": _("Training hours: %(hours)s") % {"hours": format_hours(event.training_hours)},
            "issued_by": _("Issued by"),
            "issuer": _issuer(event),
            "issued": _("Place and date of issue: %(place)s%(date)s")
            % {
                "place": f"{event.town}, " if event.town else "",
                "date": date_format(_issue_day(event, now), "DATE_FORMAT"),
            },
            "number": _("Certificate number: %(number)s")
            % {"number": certificate_number(registration)},
        }

    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.add_font(FONT, "", _font_file("Regular"))
    pdf.add_font(FONT, "B", _font_file("Bold"))
    pdf.set_title(f"{heading}: {title}")
    pdf.set_author(event.network.name)
    pdf.set_subject(f"{registration.name} — {title}")
    pdf.set_creator("BiblioHub")
    pdf.set_lang(language)
    pdf.set_creation_date(now)
    pdf.set_auto_page_break(auto=False)
    pdf.set_margins(25, 20, 25)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    # A double frame.
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_line_width(0.3)
    pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)

    body = [
        # text, font size, style, colour, space after
        (lines["issuer"], 12, "", MUTED, 8),
        (heading, 34, "B", ACCENT, 8),
        (registration.name, 26, "B", INK, 4),
        (lines["took_part"], 14, "", MUTED, 3),
        (title, 20, "B", INK, 6),
        (lines["when"], 13, "", INK, 1),
        (lines["place"], 13, "", INK, 1),
        (lines["hours"], 13, "B", INK, 0),
    ]
    top, bottom = 24, pdf.h - 52

    def block(scale: float, dry_run: bool) -> float:
        height = 0.0
        for text, size, style, color, gap in body:
            pdf.set_font(FONT, style, size * scale)
            pdf.set_text_color(*color)
            height += pdf.multi_cell(
                width,
                size * scale * 0.5,
                text,
                align="C",
                new_x="LMARGIN",
                new_y="NEXT",
                dry_run=dry_run,
                output="HEIGHT",
            )
            height += gap * scale
            if not dry_run and gap:
                pdf.ln(gap * scale)
        return height

    # A long title or a course of many days: smaller letters rather than a second page.
    room = bottom - top
    scale = next((s for s in (1, 0.9, 0.8, 0.7, 0.6) if block(s, True) <= room), 0.5)
    pdf.set_y(top + max(room - block(scale, True), 0) / 3)
    block(scale, False)

    # Who issued it, where and when, at the foot of the page.
    pdf.set_y(pdf.h - 50)
    half = width / 2 - 5
    pdf.set_font(FONT, "", 11)
    pdf.set_text_color(*INK)
    pdf.multi_cell(half, 6, lines["issued"], align="L", new_x="RIGHT", new_y="TOP")
    pdf.set_x(pdf.l_margin + width / 2 + 5)
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*MUTED)
    pdf.cell(half, 6, lines["issued_by"], align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(pdf.l_margin + width / 2 + 5)
    pdf.set_font(FONT, "B", 12)
    pdf.set_text_color(*INK)
    pdf.multi_cell(half, 6, lines["issuer"], align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.h - 24)
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.cell(width, 5, lines["number"], align="C")
    return bytes(pdf.output())
