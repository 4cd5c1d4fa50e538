"""Template helpers of the directory: open/closed status, local times, JSON-LD, map links."""

from __future__ import annotations

import datetime
import json
from typing import Any
from zoneinfo import ZoneInfo

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

# Whole phrases per weekday: in Czech, Slovenian, Serbian and Ukrainian the day takes a case
# ("ve středu", "v sredo", "у среду", "в середу") that a bare day name cannot give.
_CLOSES_ON = {
    0: pgettext_lazy("opening status", "Open now — closes on Monday at %(time)s"),
    1: pgettext_lazy("opening status", "Open now — closes on Tuesday at %(time)s"),
    2: pgettext_lazy("opening status", "Open now — closes on Wednesday at %(time)s"),
    3: pgettext_lazy("opening status", "Open now — closes on Thursday at %(time)s"),
    4: pgettext_lazy("opening status", "Open now — closes on Friday at %(time)s"),
    5: pgettext_lazy("opening status", "Open now — closes on Saturday at %(time)s"),
    6: pgettext_lazy("opening status", "Open now — closes on Sunday at %(time)s"),
}
_OPENS_ON = {
    0: pgettext_lazy("opening status", "Closed — opens on Monday at %(time)s"),
    1: pgettext_lazy("opening status", "Closed — opens on Tuesday at %(time)s"),
    2: pgettext_lazy("opening status", "Closed — opens on Wednesday at %(time)s"),
    3: pgettext_lazy("opening status", "Closed — opens on Thursday at %(time)s"),
    4: pgettext_lazy("opening status", "Closed — opens on Friday at %(time)s"),
    5: pgettext_lazy("opening status", "Closed — opens on Saturday at %(time)s"),
    6: pgettext_lazy("opening status", "Closed — opens on Sunday at %(time)s"),
}

register = template.Library()

# As Django's json_script does: nothing in the data can close the script element.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _local(value: Any, zone: ZoneInfo | None) -> Any:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value) and zone is not None:
        return value.astimezone(zone)
    return value


@register.filter
def local_time(value: Any, zone: ZoneInfo | None = None) -> str:
    """A time (or the time of a datetime, in `zone`) in the interface language's format."""
    if value is None or value == "":
        return ""
    value = _local(value, zone)
    if isinstance(value, datetime.datetime):
        value = value.time()
    return formats.time_format(value, "TIME_FORMAT")


def describe_status(status: Any, zone: ZoneInfo, now: datetime.datetime | None = None) -> str:
    """'Open now — closes at 20:00', 'Closed — opens Monday at 8:00', as plain text."""
    now = (now or timezone.now()).astimezone(zone)
    if status is None:
        return ""
    if status.is_open:
        if status.closes_at is None:
            return _("Open now")
        closes = _local(status.closes_at, zone)
        if isinstance(closes, datetime.datetime) and closes.date() != now.date():
            return str(_CLOSES_ON[closes.weekday()]) % {"time": local_time(closes, zone)}
        return _("Open now — closes at %(time)s") % {"time": local_time(closes, zone)}
    if status.opens_at is None:
        return _("Closed")
    opens = _local(status.opens_at, zone)
    if not isinstance(opens, datetime.datetime) or opens.date() == now.date():
        return _("Closed — opens at %(time)s") % {"time": local_time(opens, zone)}
    if opens.date() == now.date() + datetime.timedelta(days=1):
        return _("Closed — opens tomorrow at %(time)s") % {"time": local_time(opens, zone)}
    if opens.date() < now.date() + datetime.timedelta(days=7):
        return str(_OPENS_ON[opens.weekday()]) % {"time": local_time(opens, zone)}
    return _("Closed — opens %(date)s at %(time)s") % {
        "date": formats.date_format(opens, "SHORT_DATE_FORMAT"),
        "time": local_time(opens, zone),
    }


@register.simple_tag
def opening_status(status: Any, zone: ZoneInfo, now: datetime.datetime | None = None) -> str:
    """The status as a coloured phrase; the words alone carry the meaning, not the colour."""
    if status is None:
        return ""
    text = describe_status(status, zone, now)
    css = "status-open" if status.is_open else "status-closed"
    head, sep, tail = text.partition(" — ")
    if sep:
        return format_html('<span class="{}">{}</span> — {}', css, head, tail)
    return format_html('<span class="{}">{}</span>', css, head)


@register.simple_tag
def json_ld(data: Any) -> SafeString:
    """A schema.org block: `<script type="application/ld+json">`, safe to embed in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag
def osm_url(latitude: Any, longitude: Any, zoom: int = 17) -> str:
    return (
        f"https://www.openstreetmap.org/?mlat={latitude}&mlon={longitude}"
        f"#map={zoom}/{latitude}/{longitude}"
    )


@register.simple_tag
def field_widget(field: Any, **attrs: Any) -> SafeString:
    """A form field's input with its error message tied to it (aria-describedby)."""
    described = [f"{field.auto_id}_helptext"] if field.help_text else []
    if field.errors:
        described.insert(0, f"{field.auto_id}_errors")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    widget = field.field.widget
    if widget.template_name in _INPUT_TEMPLATES or (
        widget.template_name == _SELECT_TEMPLATE
        and getattr(widget, "option_template_name", None) == _OPTION_TEMPLATE
    ):
        return _render_widget(field, widget, attrs)
    return field.as_widget(attrs=attrs)


# Django's own widget templates, rendered here in Python with the same output: through the
# template engine, a select of forty options took a quarter of the directory page's time.
_WIDGETS = "django/forms/widgets/"
_INPUT_TEMPLATES = {
    f"{_WIDGETS}{name}.html"
    for name in (
        "input", "text", "search", "email", "url", "number", "password", "tel", "date",
        "time", "datetime", "checkbox", "hidden", "color",
    )
}  # fmt: skip
_SELECT_TEMPLATE = f"{_WIDGETS}select.html"
_OPTION_TEMPLATE = f"{_WIDGETS}select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _render_widget(field: Any, widget: Any, attrs: dict[str, Any]) -> SafeString:
    """What `BoundField.as_widget` renders, for the plain input and select widgets."""
    if field.field.localize:
        widget.is_localized = True
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    name = conditional_escape(context["name"])
    if widget.template_name != _SELECT_TEMPLATE:
        value = context["value"]
        shown = "" if value is None else f' value="{conditional_escape(value)}"'
        html = f'<input type="{conditional_escape(context["type"])}" name="{name}"{shown}'
        return mark_safe(f"{html}{_attrs(context['attrs'])}>")  # noqa: S308
    parts = [f'<select name="{name}"{_attrs(context["attrs"])}>']
    for group_name, group_choices, _index in context["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            parts.append(
                f'\n  <option value="{conditional_escape(option["value"])}"'
                f"{_attrs(option['attrs'])}>{conditional_escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")  # (the form renderer strips the template's last newline)
    return mark_safe("".join(parts))  # noqa: S308


@register.filter
def verbose_service(value: str) -> str:
    from ..models import Service

    return str(Service(value).label) if value in Service.values else ""


@register.filter
def get_item(mapping: dict, key: Any) -> Any:
    return mapping.get(key, "")
