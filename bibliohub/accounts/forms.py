"""Forms a person fills in about themself."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bibliohub.core.timezones import time_zone_choices

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "language", "time_zone"]
        labels = {"language": _("Interface language")}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(
            label=_("Time zone"),
            required=False,
            choices=[("", _("The zone of my browser")), *time_zone_choices()],
            help_text=self.fields["time_zone"].help_text,
        )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        max_length=100,
        help_text=_("A name that tells you later where it is used, e.g. “statistics script”."),
    )
