"""Forms of the directory: the public filter, and the coordinators' editing forms."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Branch, Library, Network, Region, Service, Weekday
from .services import LIBRARY_EDITABLE_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class LibraryFilterForm(forms.Form):
    """The directory's GET filter; every field is optional."""

    q = forms.CharField(
        label=_("Name or town"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        queryset=Network.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All networks"),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    type = forms.ChoiceField(
        label=_("Type of library"),
        required=False,
        choices=[("", _("All types")), *Library.Type.choices],
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)

    def filters(self) -> dict[str, Any]:
        """The filter values, ignoring any that did not validate (an unknown slug, say)."""
        data: dict[str, Any] = {}
        if self.is_bound:
            self.is_valid()
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        return {
            "q": data.get("q") or "",
            "network": data.get("network"),
            "region": data.get("region"),
            "library_type": data.get("type") or "",
            "open_now": bool(data.get("open_now")),
        }


def timezone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


class LibraryForm(forms.ModelForm):
    timezone = forms.ChoiceField(label=_("time zone"), choices=timezone_choices)

    class Meta:
        model = Library
        fields = list(LIBRARY_EDITABLE_FIELDS)
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "country": _("Two letters, for example CZ, SI, RS, UA."),
            "latitude": _("Decimal degrees, for example 50.087451."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].help_text = Library._meta.get_field("timezone").help_text

    def clean_country(self) -> str:
        return (self.cleaned_data.get("country") or "").upper()


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = [
            "name",
            "short_name",
            "summary",
            "description",
            "language",
            "email",
            "phone",
            "website",
            "accepts_applications",
        ]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


class SectionForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("kind"),
        choices=[
            (Network.Kind.SECTION, Network.Kind.SECTION.label),
            (Network.Kind.WORKING_GROUP, Network.Kind.WORKING_GROUP.label),
        ],
    )

    class Meta:
        model = Network
        fields = [
            "name",
            "short_name",
            "kind",
            "summary",
            "description",
            "language",
            "email",
            "phone",
            "website",
            "accepts_applications",
        ]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


class BranchForm(forms.ModelForm):
    class Meta:
        model = Branch
        fields = [
            "name",
            "street",
            "postcode",
            "town",
            "latitude",
            "longitude",
            "email",
            "phone",
        ]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel"})}


def _branch_choices(library: Library) -> list[tuple[str, str]]:
    return [("", str(_("Whole library"))), *((str(b.pk), b.name) for b in library.branches.all())]


class HoursRowForm(forms.Form):
    """One opening period: a service of the library (or a branch) on one weekday."""

    branch = forms.ChoiceField(label=_("Where"), required=False)
    service = forms.ChoiceField(
        label=_("Service"), choices=Service.choices, initial=Service.GENERAL
    )
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=[("", "—"), *Weekday.choices], coerce=int, empty_value=None
    )
    opens = forms.TimeField(label=_("Opens"), widget=TimeInput)
    closes = forms.TimeField(
        label=_("Closes"),
        widget=TimeInput,
        help_text=_("A closing time before the opening time means open past midnight."),
    )

    def __init__(self, *args: Any, library: Library, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["branch"].choices = _branch_choices(library)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("opens") and data.get("closes") and data["opens"] == data["closes"]:
            self.add_error("closes", _("Opening and closing time cannot be the same."))
        return data


class ExceptionForm(forms.Form):
    """A dated closure or a day (or days) of changed hours."""

    branch = forms.ChoiceField(label=_("Where"), required=False)
    service = forms.ChoiceField(
        label=_("Service"),
        required=False,
        choices=[("", _("Every service")), *Service.choices],
    )
    start_date = forms.DateField(label=_("From"), widget=DateInput)
    end_date = forms.DateField(
        label=_("Until"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty for a single day."),
    )
    closed = forms.BooleanField(label=_("Closed"), required=False, initial=True)
    opens = forms.TimeField(label=_("Opens"), widget=TimeInput, required=False)
    closes = forms.TimeField(label=_("Closes"), widget=TimeInput, required=False)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args: Any, library: Library, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["branch"].choices = _branch_choices(library)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first."))
        if not data.get("closed"):
            for name in ("opens", "closes"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(
                        name, _("Give the changed opening and closing time, or mark closed.")
                    )
            if data.get("opens") and data.get("closes") and data["opens"] == data["closes"]:
                self.add_error("closes", _("Opening and closing time cannot be the same."))
        return data


class _LibraryFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, library: Library, **kwargs: Any) -> None:
        self.library = library
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "library": self.library}

    @property
    def empty_form(self) -> forms.Form:  # type: ignore[override]
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            renderer=self.renderer,
            library=self.library,
        )
        self.add_fields(form, None)
        return form

    def kept_rows(self) -> list[dict[str, Any]]:
        """Cleaned rows, without the blank extra ones and the ones marked for removal."""
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


HoursFormSet = forms.formset_factory(
    HoursRowForm,
    formset=_LibraryFormSet,
    extra=4,
    can_delete=True,
    max_num=500,
    validate_max=True,
)
ExceptionFormSet = forms.formset_factory(
    ExceptionForm,
    formset=_LibraryFormSet,
    extra=2,
    can_delete=True,
    max_num=500,
    validate_max=True,
)
