"""Participant lists as CSV and XLSX files, and attendance read back from such a file.

A coordinator exports the list, ticks the "Attended" column in a spreadsheet and uploads it.
Files are recognised by their content, not only by their name, and every row is checked before
anything is saved, so a wrong file changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
import warnings
import zipfile
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .models import Event, Question, Registration

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# An .xlsx is a zip; refuse one that would unpack into far more than a participant list needs.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 200

NUMBER = gettext_lazy("Registration number")
NAME = pgettext_lazy("of a person", "Name")
EMAIL = gettext_lazy("E-mail")
LIBRARY = gettext_lazy("Library")
ORGANISATION = gettext_lazy("Organisation")
STATUS = gettext_lazy("Status")
REGISTERED_AT = gettext_lazy("Registered at")
ATTENDED = gettext_lazy("Attended")
YES = gettext_lazy("yes")
NO = gettext_lazy("no")

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"


@dataclass
class Participant:
    """A registration as a row of the participant list."""

    registration: Registration
    position: int | None  # place on the waiting list
    answers: list[str]


def participant_list(event: Event) -> tuple[list[Question], list[Participant]]:
    """Confirmed people first, then the waiting list in its order, then cancellations."""
    questions = list(event.questions.all())
    registrations = event.registrations.select_related("library").order_by("created_at", "id")
    participants, waiting = [], 0
    for registration in registrations:
        position = None
        if registration.status == Registration.Status.WAITING:
            waiting += 1
            position = waiting
        answers = registration.answers or {}
        participants.append(
            Participant(
                registration=registration,
                position=position,
                answers=[str(answers.get(str(q.pk), "")) for q in questions],
            )
        )
    rank = {Registration.Status.CONFIRMED: 0, Registration.Status.WAITING: 1}
    participants.sort(key=lambda p: rank.get(p.registration.status, 2))
    return questions, participants


def status_label(participant: Participant) -> str:
    registration = participant.registration
    if participant.position is not None:
        return _("On the waiting list (%(position)s.)") % {"position": participant.position}
    return str(registration.get_status_display())


def attended_label(value: bool | None) -> str:
    if value is None:
        return ""
    return str(YES if value else NO)


def participant_table(
    event: Event, questions: Sequence[Question], participants: Iterable[Participant]
) -> tuple[list[str], list[list[Any]]]:
    """Headers (in the active language) and rows of the exported list."""
    headers = [str(h) for h in (NUMBER, NAME, EMAIL, LIBRARY, ORGANISATION, STATUS, REGISTERED_AT)]
    headers += [q.text for q in questions]
    headers.append(str(ATTENDED))
    zone = zoneinfo.ZoneInfo(event.timezone)
    rows = []
    for p in participants:
        r = p.registration
        rows.append(
            [
                r.pk,
                r.name,
                r.email,
                r.library.name if r.library_id else "",
                r.organisation,
                status_label(p),
                r.created_at.astimezone(zone).replace(tzinfo=None, microsecond=0),
                *p.answers,
                attended_label(r.attended),
            ]
        )
    return headers, rows


# --- Writing ---------------------------------------------------------------------------------

# A cell that starts like a formula would be run by a spreadsheet (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_delimiter() -> str:
    """Excel reads CSV with the list separator of the reader's locale: a semicolon wherever the
    decimal separator is a comma (Czech, Slovenian, Serbian, Ukrainian), a comma in English."""
    return ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Decimal):
        return formats.number_format(value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a byte order mark, so Excel shows Czech and Cyrillic letters as they are."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=csv_delimiter())
    writer.writerow([_csv_cell(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title or str(_("Participants")))[:31].strip() or "1"
    widths = [len(str(h)) for h in headers]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values = []
        for i, value in enumerate(row):
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            values.append(value)
            shown = 16 if isinstance(value, datetime.datetime) else len(str(value or ""))
            if i < len(widths):
                widths[i] = max(widths[i], shown)
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
            elif isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = "A2"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- Reading ---------------------------------------------------------------------------------


class UploadError(Exception):
    """The file cannot be used; `problems` says why, row by row where it can."""

    def __init__(self, *problems: str) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls and other Office 97 files
# Control characters have no place in a text table; their presence means a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_table(name: str, data: bytes) -> list[list[str]]:
    """The rows of an uploaded .csv or .xlsx file, as text."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(_("The file is larger than 2 MB."))
    if not data.strip():
        raise UploadError(_("The file is empty."))
    if extension == "xlsx":
        if not data.startswith(_ZIP_MAGIC):
            raise UploadError(_("The file is called .xlsx but is not an Excel workbook."))
        return _read_xlsx(data)
    if extension == "csv":
        if data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
            raise UploadError(
                _("The file is called .csv but is a spreadsheet; upload it named .xlsx.")
            )
        return _read_csv(data)
    if data.startswith(_OLE_MAGIC):
        raise UploadError(_("Old Excel files (.xls) cannot be read; save the list as .xlsx."))
    raise UploadError(_("Upload the participant list as a .csv or .xlsx file."))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    not_a_workbook = UploadError(_("The file could not be read as an Excel workbook (.xlsx)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise not_a_workbook
        with warnings.catch_warnings():
            # Workbooks from other programs often make openpyxl warn about styles it ignores.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                rows = []
                for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                    rows.append([_cell_text(v) for v in row])
                    if len(rows) > MAX_ROWS:
                        raise UploadError(_("The file has too many rows."))
            finally:
                workbook.close()
    except UploadError:
        raise
    except Exception as exc:  # zipfile, XML and openpyxl errors: all mean "not a workbook"
        raise not_a_workbook from exc
    return rows


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # What Excel writes as "CSV" on a Czech, Slovenian or Serbian (Latin) Windows.
            text = data.decode("cp1250")
        except UnicodeDecodeError:
            text = ""
    if not text or _CONTROL.search(text):
        raise UploadError(_("The file is not a text table (CSV); upload the exported list."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        rows = []
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            rows.append([cell.strip() for cell in row[:MAX_COLUMNS]])
            if len(rows) > MAX_ROWS:
                raise UploadError(_("The file has too many rows."))
    except csv.Error as exc:
        raise UploadError(
            _("The file is not a text table (CSV); upload the exported list.")
        ) from exc
    return rows


# --- Attendance from a table -----------------------------------------------------------------


def _in_every_language(*labels: Any) -> set[str]:
    found = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found |= {_norm(str(label)) for label in labels}
    return found


def _norm(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split()).casefold().rstrip(".:")


# Headers that name each column, besides our own headers in every language of the site.
_NUMBER_NAMES = {
    "registration number",
    "registration",
    "number",
    "no",
    "#",
    "id",
    "číslo",
    "číslo registrace",
    "številka",
    "број",
    "broj",
    "номер",
}
_EMAIL_NAMES = {"e-mail", "email", "e-mail address", "e-pošta", "е-пошта", "електронна пошта"}
_ATTENDED_NAMES = {
    "attended",
    "attendance",
    "present",
    "účast",
    "přítomen",
    "přítomnost",
    "zúčastnil se",
    "prisoten",
    "prisotnost",
    "udeležba",
    "prisustvo",
    "присуство",
    "присутан",
    "присутність",
    "присутній",
    "був присутній",
}

# Generous on purpose: what people type in English, Czech, Slovenian, Serbian and Ukrainian.
_TRUE_WORDS = {
    "yes",
    "y",
    "true",
    "1",
    "x",
    "✓",
    "✔",
    "☑",
    "present",
    "ano",
    "a",
    "přítomen",
    "přítomna",
    "da",
    "d",
    "prisoten",
    "prisotna",
    "prisutan",
    "prisutna",
    "да",
    "д",
    "присутан",
    "присутна",
    "так",
    "т",
    "присутній",
    "присутня",
}
_FALSE_WORDS = {
    "no",
    "n",
    "false",
    "0",
    "-",
    "–",
    "absent",
    "ne",
    "nepřítomen",
    "nepřítomna",
    "odsoten",
    "odsotna",
    "odsutan",
    "odsutna",
    "не",
    "н",
    "одсутан",
    "одсутна",
    "ні",
    "відсутній",
    "відсутня",
}


@functools.cache
def _answers() -> tuple[frozenset[str], frozenset[str]]:
    """Words for yes and no, with the exported "yes" and "no" in every language of the site."""
    return (
        frozenset(_TRUE_WORDS | _in_every_language(YES)),
        frozenset(_FALSE_WORDS | _in_every_language(NO)),
    )


def attended_value(text: str) -> bool | None:
    """True or False for a yes or a no, None for an empty cell; ValueError for anything else."""
    word = _norm(text)
    if not word:
        return None
    yes, no = _answers()
    if word in yes:
        return True
    if word in no:
        return False
    raise ValueError(text)


@dataclass
class AttendanceChanges:
    present: set[int] = field(default_factory=set)
    absent: set[int] = field(default_factory=set)


def _find_column(header: list[str], names: set[str], last: bool = False) -> int | None:
    found = [i for i, cell in enumerate(header) if _norm(cell) in names]
    if not found:
        return None
    return found[-1] if last else found[0]


def _registration_number(text: str) -> int:
    number = text.strip().lstrip("#")
    if number.endswith(".0"):
        number = number[:-2]
    if not number.isdigit():
        raise ValueError(text)
    return int(number)


def attendance_changes(event: Event, rows: list[list[str]]) -> AttendanceChanges:
    """Who the table marks present and absent; UploadError lists every row that is wrong."""
    start = next((i for i, row in enumerate(rows) if any(row)), None)
    if start is None:
        raise UploadError(_("The file is empty."))
    header = rows[start]
    number_col = _find_column(header, _NUMBER_NAMES | _in_every_language(NUMBER))
    email_col = _find_column(header, _EMAIL_NAMES | _in_every_language(EMAIL))
    # The export puts "Attended" last, after the questions, one of which might share its name.
    attended_col = _find_column(header, _ATTENDED_NAMES | _in_every_language(ATTENDED), last=True)
    if attended_col is None or (number_col is None and email_col is None):
        raise UploadError(
            _(
                "The first row must name the columns “%(number)s” (or “%(email)s”) and "
                "“%(attended)s”, as in the exported list."
            )
            % {"number": NUMBER, "email": EMAIL, "attended": ATTENDED}
        )

    registrations = {
        r["id"]: r for r in event.registrations.values("id", "email", "name", "status")
    }
    by_email: dict[str, dict[str, Any]] = {}
    for r in sorted(registrations.values(), key=lambda r: r["status"] == "cancelled"):
        by_email.setdefault(r["email"].casefold(), r)

    def cell(row: list[str], col: int | None) -> str:
        return row[col].strip() if col is not None and col < len(row) else ""

    changes, problems = AttendanceChanges(), []
    seen: dict[int, bool] = {}
    for index in range(start + 1, len(rows)):
        row, line = rows[index], index + 1
        if not any(c.strip() for c in row):
            continue
        number_text, email = cell(row, number_col), cell(row, email_col)
        try:
            value = attended_value(cell(row, attended_col))
        except ValueError:
            problems.append(
                _("Row %(row)s: “%(value)s” is neither yes nor no.")
                % {"row": line, "value": cell(row, attended_col)}
            )
            continue
        if number_text:
            try:
                registration = registrations.get(_registration_number(number_text))
            except ValueError:
                registration = None
            if registration is None:
                problems.append(
                    _("Row %(row)s: this event has no registration number %(number)s.")
                    % {"row": line, "number": number_text}
                )
                continue
        elif email:
            registration = by_email.get(email.casefold())
            if registration is None:
                problems.append(
                    _("Row %(row)s: nobody is registered with the e-mail %(email)s.")
                    % {"row": line, "email": email}
                )
                continue
        else:
            if value is not None:
                problems.append(
                    _("Row %(row)s: the registration number and the e-mail are both missing.")
                    % {"row": line}
                )
            continue
        if value is None:
            continue
        pk = registration["id"]
        if seen.setdefault(pk, value) != value:
            problems.append(
                _("Row %(row)s: %(name)s is marked both present and absent in the file.")
                % {"row": line, "name": registration["name"]}
            )
            continue
        if registration["status"] != Registration.Status.CONFIRMED:
            if value:
                problems.append(
                    _("Row %(row)s: %(name)s is not a confirmed participant.")
                    % {"row": line, "name": registration["name"]}
                )
            continue
        (changes.present if value else changes.absent).add(pk)
    if problems:
        raise UploadError(*problems)
    return changes
