"""Fast paths of rendering give what Django's own would: form widgets, status, week tables."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from bibliohub.directory import hours
from bibliohub.directory.forms import LibraryFilterForm, LibraryForm, NetworkForm
from bibliohub.directory.models import Library, Region
from bibliohub.directory.services import library_create, library_set_hours
from bibliohub.directory.templatetags.directory_tags import field_widget

pytestmark = pytest.mark.django_db

UTC = dt.UTC
PRAGUE = ZoneInfo("Europe/Prague")


def django_widget(field):
    attrs = {}
    described = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described.insert(0, f"{field.auto_id}_errors")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@pytest.mark.parametrize("language", ["en", "cs", "sr", "uk"])
def test_form_inputs_and_selects_render_as_django_renders_them(language, section):
    Region.objects.create(country="CZ", name="Kraj <Vysočina> & „okolí“", slug="vysocina")
    forms = [
        LibraryFilterForm(),
        LibraryFilterForm(
            {"q": 'a<b"&', "region": "vysocina", "network": "nonsense", "open_now": "on"}
        ),
        LibraryForm(),
        LibraryForm({"name": "", "timezone": "Mars/Olympus"}),
        NetworkForm(),
    ]
    with translation.override(language):
        for form in forms:
            for field in form:
                assert str(field_widget(field)) == str(django_widget(field)), field.name


def test_the_selected_region_stays_selected_and_a_bad_choice_is_tied_to_its_message(section):
    Region.objects.create(country="CZ", name="Vysočina", slug="vysocina")
    form = LibraryFilterForm({"region": "vysocina", "network": "nonsense"})
    assert '<option value="vysocina" selected>Vysočina</option>' in field_widget(form["region"])
    network = str(field_widget(form["network"]))
    assert 'aria-invalid="true"' in network
    assert 'aria-describedby="id_network_errors"' in network


def test_status_reads_only_the_days_it_needs_and_agrees_with_every_period():
    """The fast path of `status_at` against all periods over the horizon, minute by minute."""
    library = library_create(
        actor=None,
        name="Knihovna Noční",
        town="Praha",
        library_type="public",
        country="CZ",
        language="cs",
        timezone="Europe/Prague",
    )
    rows = [
        {"weekday": 4, "opens": "18:00", "closes": "00:00", "service": "general"},
        {"weekday": 5, "opens": "00:00", "closes": "03:00", "service": "general"},
        {"weekday": 0, "opens": "09:00", "closes": "12:00", "service": "general"},
        {"weekday": 0, "opens": "13:00", "closes": "17:00", "service": "general"},
    ]
    library_set_hours(
        library=library,
        actor=None,
        rows=rows,
        exceptions=[{"start_date": dt.date(2026, 6, 22), "closed": True, "reason": "Inventura"}],
        today=dt.date(2000, 1, 1),
    )
    start = dt.datetime(2026, 6, 18, 0, 0, tzinfo=UTC)
    for step in range(0, 10 * 24 * 60, 37):
        moment = start + dt.timedelta(minutes=step)
        status = hours.status_at(library, moment)
        today = moment.astimezone(PRAGUE).date()
        periods = [
            period
            for offset in range(-1, hours.HORIZON_DAYS + 1)
            for period in hours.periods_on(today + dt.timedelta(days=offset), library)
        ]
        running = [p for p in periods if p.opens <= moment < p.closes]
        assert status.is_open == bool(running), moment
        if running:
            end = max(p.closes for p in running)
            for period in sorted(periods, key=lambda p: p.opens):
                if period.opens <= end < period.closes:
                    end = period.closes
            assert status.closes_at == end, moment
        else:
            coming = [p.opens for p in periods if moment < p.opens <= moment + dt.timedelta(14)]
            assert status.opens_at == (min(coming) if coming else None), moment


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Closed — opens on Wednesday at"),
        ("cs", "Zavřeno — otevírá ve středu v"),
        ("sl", "Zaprto — odpre v sredo ob"),
        ("sr", "Затворено — отвара се у среду у"),
        ("sr-latn", "Zatvoreno — otvara se u sredu u"),
        ("uk", "Зачинено — відчиняється в середу о"),
    ],
)
def test_the_next_opening_names_the_day_as_the_language_says_it(language, expected):
    import datetime as _dt
    from zoneinfo import ZoneInfo

    from django.utils import translation

    from bibliohub.directory.hours import Status
    from bibliohub.directory.templatetags.directory_tags import describe_status

    zone = ZoneInfo("Europe/Prague")
    sunday_evening = _dt.datetime(2026, 11, 22, 18, 0, tzinfo=zone)
    wednesday_morning = _dt.datetime(2026, 11, 25, 9, 0, tzinfo=zone)
    status = Status(is_open=False, closes_at=None, opens_at=wednesday_morning, exception=None)
    with translation.override(language):
        assert describe_status(status, zone, now=sunday_evening).startswith(expected)


# The directory list as its template wrote it before each row's text was made in the view.
_LIST_ROW = Template(
    "{% load directory_tags %}"
    "<li>\n"
    '              <h3><a href="{{ library.get_absolute_url }}" lang="{{ library.language }}">'
    "{{ library.name }}</a></h3>\n"
    '              <p class="muted">{{ library.get_library_type_display }} · {{ library.town }}'
    "{% if library.region %} · {{ library.region.name }}{% endif %}</p>\n"
    "              <p>{% opening_status status zone now %}</p>\n"
    "            </li>"
)


@pytest.mark.parametrize(
    "when",
    [
        dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC),  # Monday morning: open, closing today
        dt.datetime(2026, 11, 27, 20, 0, tzinfo=UTC),  # Friday evening: opening on Monday
        dt.datetime(2026, 12, 23, 23, 30, tzinfo=UTC),  # a night, in and before a closure
    ],
)
@pytest.mark.parametrize("language", ["en", "cs", "sr", "uk"])
def test_directory_rows_read_as_the_template_wrote_them(
    client, monkeypatch, trinec, vranje, kyiv_central, when, language
):
    night = library_create(
        actor=None,
        name="Knihovna <Noční> & „spol.“",
        town="Praha",
        library_type="university",
        country="CZ",
        language="cs",
        timezone="Europe/Prague",
    )
    library_set_hours(
        library=night,
        actor=None,
        rows=[{"weekday": d, "opens": "20:00", "closes": "02:00"} for d in range(7)],
        exceptions=[
            {
                "start_date": dt.date(2026, 12, 24),
                "end_date": dt.date(2026, 12, 26),
                "closed": True,
                "reason": "Vánoce",
            }
        ],
    )
    monkeypatch.setattr(timezone, "now", lambda: when)
    client.cookies["django_language"] = language
    for params in ({}, {"open_now": "on"}, {"q": "knihovna"}):
        response = client.get(reverse("directory:libraries"), params)
        listed = [row["library"].pk for row in response.context["rows"]]
        expected = []
        with translation.override(language):
            for library in Library.objects.select_related("region").filter(pk__in=listed):
                zone = hours.library_zone(library)
                context = {
                    "library": library,
                    "status": hours.status_at(library, when),
                    "zone": zone,
                    "now": when,
                }
                expected.append((listed.index(library.pk), _LIST_ROW.render(Context(context))))
        page = response.content.decode()
        assert re.findall(r"<li>\n.*?</li>", page, re.S) == [html for _n, html in sorted(expected)]
    assert listed  # the last list (the search) shows rows


# The week table as its template wrote it before the view made each day's hours.
_WEEK_TABLE = Template(
    "{% load i18n directory_tags %}{% for service_week in week %}"
    '<table class="hours-table">\n'
    "    <caption>{{ service_week.label }}</caption>\n"
    '    <thead><tr><th scope="col">{% translate "Day" %}</th>'
    '<th scope="col">{% translate "Hours" %}</th></tr></thead>\n'
    "    <tbody>\n"
    "      {% for row in service_week.days %}\n"
    '        <tr{% if row.is_today %} class="today" aria-current="date"{% endif %}>\n'
    '          <th scope="row">{{ row.day|date:"l" }}{% if row.is_today %}'
    ' ({% translate "today" %}){% endif %}'
    ' <span class="date muted">{{ row.day|date:"SHORT_DATE_FORMAT" }}</span></th>\n'
    "          <td>\n"
    '            {% for period in row.periods %}<span class="nowrap">'
    "{{ period.opens|local_time:zone }}–{{ period.closes|local_time:zone }}</span>"
    "{% if not forloop.last %}, {% endif %}"
    '{% empty %}{% translate "Closed" %}{% endfor %}\n'
    "            {% if row.exception %}<br><em>{% if row.exception.closed %}"
    '{% translate "Closure" %}{% else %}{% translate "Changed hours" %}{% endif %}'
    '{% if row.exception.reason %}: <span lang="{{ language }}">{{ row.exception.reason }}'
    "</span>{% endif %}</em>{% endif %}\n"
    "          </td>\n"
    "        </tr>\n"
    "      {% endfor %}\n"
    "    </tbody>\n"
    "  </table>|{% endfor %}"
)


@pytest.mark.parametrize("language", ["en", "cs", "sr", "uk"])
def test_week_tables_read_as_the_template_wrote_them(client, monkeypatch, kyiv_central, language):
    branch = kyiv_central.branches.order_by("name").first()
    library_set_hours(
        library=kyiv_central,
        actor=None,
        rows=[
            *({"weekday": d, "opens": "09:00", "closes": "13:00"} for d in range(5)),
            *({"weekday": d, "opens": "14:00", "closes": "19:00"} for d in range(5)),
            {"weekday": 5, "opens": "22:00", "closes": "02:00", "service": "ordering"},
            *(
                {"weekday": d, "opens": "10:00", "closes": "18:00", "branch": branch}
                for d in range(6)
            ),
        ],
        exceptions=[
            {"start_date": dt.date(2026, 11, 24), "closed": True, "reason": "Ремонт <даху> & ін."},
            {
                "start_date": dt.date(2026, 11, 26),
                "closed": False,
                "opens": "10:00",
                "closes": "12:00",
                "reason": "",
            },
            {
                "start_date": dt.date(2026, 11, 27),
                "closed": False,
                "opens": "10:00",
                "closes": "11:00",
                "reason": "Інвентаризація",
            },
            {"start_date": dt.date(2026, 11, 25), "closed": True, "reason": "", "branch": branch},
        ],
        today=dt.date(2026, 11, 20),
    )
    when = dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: when)
    client.cookies["django_language"] = language
    response = client.get(reverse("directory:library", kwargs={"slug": kyiv_central.slug}))
    weeks = [response.context["week"], *(item["week"] for item in response.context["branches"])]
    zone = hours.library_zone(kyiv_central)
    with translation.override(language):
        expected = [
            table
            for week in weeks
            for table in _WEEK_TABLE.render(
                Context({"week": week, "language": kyiv_central.language, "zone": zone})
            ).split("|")
            if table
        ]
    page = response.content.decode()
    assert re.findall(r'<table class="hours-table">.*?</table>', page, re.S) == expected
    assert len(expected) == 3  # the library's two services and the branch's hours
