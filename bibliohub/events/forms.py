"""Forms of events: the public filter, registration, and the coordinators' event editor."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bibliohub.core.models import Visibility
from bibliohub.core.timezones import time_zone_choices
from bibliohub.directory.forms import DateInput, TimeInput
from bibliohub.directory.models import Library, Network, Region

from .models import Event, Question
from .selectors import EventFilters, network_with_sections
from .services import SessionData


class EventFilterForm(forms.Form):
    """The GET filter of the event list and the month view; every field is optional."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        queryset=Network.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All networks"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    mode = forms.ChoiceField(
        label=_("Online or in person"),
        required=False,
        choices=[("", _("Either")), ("online", _("Online")), ("in_person", _("In person"))],
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def filters(self, *, past: bool = False) -> EventFilters:
        data = self.cleaned_data if self.is_valid() else {}
        # Fields that did not validate (an unknown network, say) are left out, not an error page.
        ok = {k: v for k, v in data.items() if k not in self.errors}
        return EventFilters(
            network=ok.get("network"),
            kind=ok.get("kind") or "",
            region_id=ok["region"].pk if ok.get("region") else None,
            mode=ok.get("mode") or "",
            date_from=ok.get("date_from"),
            date_to=ok.get("date_to"),
            past=past,
        )


class RegistrationForm(forms.Form):
    """Register for an event: the questions of the event, and who you are if not signed in."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    organisation = forms.CharField(
        label=_("Library or organisation"), max_length=250, required=False
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep my name, e-mail address and answers to run this"
            " event and to issue the certificate."
        )
    )

    def __init__(self, *args: Any, event: Event, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        if getattr(user, "is_authenticated", False):
            for name in ("name", "email", "organisation", "consent"):
                del self.fields[name]
        else:
            self.fields["name"].widget.attrs["autocomplete"] = "name"
            self.fields["email"].widget.attrs["autocomplete"] = "email"
            self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        for question in event.questions.all():
            self.fields[f"q{question.pk}"] = _question_field(question)

    def answers(self) -> dict[str, str]:
        return {
            key[1:]: value
            for key, value in self.cleaned_data.items()
            if key.startswith("q") and key[1:].isdigit() and value
        }


def _question_field(question: Question) -> forms.Field:
    if question.choice_list:
        return forms.ChoiceField(
            label=question.text,
            required=question.required,
            choices=[("", "—"), *((c, c) for c in question.choice_list)],
        )
    return forms.CharField(
        label=question.text,
        required=question.required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EventForm(forms.Form):
    """What a coordinator says about an event; sessions, questions and translations are formsets."""

    title = forms.CharField(label=_("Title"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    mode = forms.ChoiceField(label=_("Form"), choices=Event.Mode.choices)
    language = forms.ChoiceField(
        label=_("Language of the text"), choices=settings.CONTENT_LANGUAGES
    )
    summary = forms.CharField(label=_("One-line summary"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, *italics*, lists with -, links as [text](https://…)."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=[c for c in Visibility.choices if c[0] != Visibility.GROUP],
    )
    audience = forms.ModelChoiceField(
        label=_("Section"),
        required=False,
        queryset=Network.objects.none(),
        help_text=_("Only when the event is for the members of one section."),
    )
    host_library = forms.ModelChoiceField(
        label=_("Host library"), required=False, queryset=Library.objects.none()
    )
    venue = forms.CharField(
        label=_("Place"),
        max_length=250,
        required=False,
        help_text=_("Room, street and number, as people should find it."),
    )
    town = forms.CharField(label=_("Town"), max_length=120, required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), required=False, queryset=Region.objects.order_by("name")
    )
    timezone = forms.ChoiceField(label=_("Time zone of the event"))
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Shown only to people with a confirmed registration."),
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for no limit."),
    )
    registration = forms.ChoiceField(
        label=_("Who can register"), choices=Event.Registration.choices
    )
    registration_opens = forms.DateTimeField(
        label=_("Registration opens"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    registration_closes = forms.DateTimeField(
        label=_("Registration closes"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: registration is open until the event begins."),
    )
    training_hours = forms.DecimalField(
        label=_("Training hours"),
        min_value=0,
        max_digits=5,
        decimal_places=1,
        initial=0,
        localize=True,
        help_text=_("Hours of professional development an attendee is credited with."),
    )

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.network = network
        ids = network_with_sections(network)
        self.fields["audience"].queryset = Network.objects.filter(id__in=ids).order_by("name")
        self.fields["host_library"].queryset = (
            Library.objects.filter(memberships__network_id__in=ids, memberships__status="active")
            .distinct()
            .order_by("name")
        )
        self.fields["timezone"].choices = time_zone_choices()
        self.fields["language"].initial = network.language

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        zone = data.get("timezone")
        tz = zoneinfo.ZoneInfo(zone) if zone else timezone.get_current_timezone()
        for name in ("registration_opens", "registration_closes"):
            value = data.get(name)
            if value is not None:
                # The picker gives the event's local time; Django read it in the reader's zone.
                data[name] = timezone.make_aware(timezone.make_naive(value), tz)
        if data.get("visibility") == Visibility.SECTION and not data.get("audience"):
            self.add_error("audience", _("Choose the section that may see the event."))
        if data.get("mode") in (Event.Mode.IN_PERSON, Event.Mode.HYBRID) and not (
            data.get("venue") or data.get("host_library")
        ):
            self.add_error("venue", _("Say where the event takes place, or choose a host library."))
        return data

    def event_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["capacity"] = data.get("capacity") or None
        return data


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start = forms.TimeField(label=_("Starts"), widget=TimeInput())
    end = forms.TimeField(label=_("Ends"), widget=TimeInput())
    title = forms.CharField(label=_("Title of the session"), max_length=250, required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    place = forms.CharField(label=_("Place, if not the event's"), max_length=250, required=False)
    online_url = forms.URLField(
        label=_("Online link of this session"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    programme = forms.CharField(
        label=_("Programme"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("A session must end after it starts."))
        return data

    def session(self, zone: zoneinfo.ZoneInfo) -> SessionData:
        d = self.cleaned_data
        return SessionData(
            starts_at=datetime.datetime.combine(d["date"], d["start"], tzinfo=zone),
            ends_at=datetime.datetime.combine(d["date"], d["end"], tzinfo=zone),
            title=d.get("title", ""),
            online=bool(d.get("online")),
            place=d.get("place", ""),
            online_url=d.get("online_url", ""),
            programme=d.get("programme", ""),
        )


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=250)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line; leave empty for a free answer."),
    )


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.CONTENT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=250)
    summary = forms.CharField(label=_("One-line summary"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    url = forms.URLField(label=_("Link"), max_length=500, assume_scheme="https")


SessionFormSet = forms.formset_factory(
    SessionForm, extra=1, can_delete=True, min_num=1, validate_min=True, max_num=60
)
QuestionFormSet = forms.formset_factory(QuestionForm, extra=1, can_delete=True, max_num=30)
TranslationFormSet = forms.formset_factory(TranslationForm, extra=1, can_delete=True, max_num=6)
MaterialFormSet = forms.formset_factory(MaterialForm, extra=1, can_delete=True, max_num=30)


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to everyone registered"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
