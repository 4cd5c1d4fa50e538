"""Fast paths of rendering give what Django's own would: form widgets, status, week tables."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from bibliohub.directory import hours
from bibliohub.directory.forms import LibraryFilterForm, LibraryForm, NetworkForm
from bibliohub.directory.models import Region
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
