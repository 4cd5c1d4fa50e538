"""Forms a person fills in about themself."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "language"]
        labels = {"language": _("Interface language")}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        max_length=100,
        help_text=_("A name that tells you later where it is used, e.g. “statistics script”."),
    )
