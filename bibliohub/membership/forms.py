"""Forms of the membership app: the application, the decision and changes of membership."""

from typing import Any

from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bibliohub.directory.models import Library, Network, Region

from .models import Application, Membership
from .selectors import (
    libraries_for_application,
    pending_application_exists,
    regions_for_application,
)


class NoColonMixin:
    """Labels stand above their fields here; a colon after them adds nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]


class InvitationPasswordForm(NoColonMixin, SetPasswordForm):
    """Django's form to set a password."""


class LibraryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Library) -> str:
        return f"{obj.name}, {obj.town}" if obj.town else obj.name


class ApplicationForm(NoColonMixin, forms.Form):
    library = LibraryChoiceField(
        label=_("Your library"),
        queryset=Library.objects.none(),
        required=False,
        empty_label=_("— not in the list: I describe it below —"),
        help_text=_("Pick your library if it is already in the directory."),
    )
    library_name = forms.CharField(label=_("Name of the library"), max_length=250, required=False)
    library_type = forms.ChoiceField(
        label=_("Type of library (optional)"),
        choices=[("", "—"), *Library.Type.choices],
        required=False,
    )
    town = forms.CharField(label=_("Town"), max_length=120, required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label="—"
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_role = forms.ChoiceField(
        label=_("Your role in the library"),
        choices=Application.ContactRole.choices,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send the decision here; it also becomes your sign-in."),
    )
    phone = forms.CharField(
        label=_("Telephone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    note = forms.CharField(
        label=_("Note for the coordinators (optional)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you expect from the network, what you can offer, questions."),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={"required": _("We can only handle your application with your consent.")},
    )
    # Left empty by people; bots fill every field they find.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    new_library_fields = ("library_name", "library_type", "town", "region")

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["library"].queryset = libraries_for_application(network)
        self.fields["region"].queryset = regions_for_application(network)
        self.fields["consent"].help_text = _(
            "We keep what you write here (your name, role, e-mail, telephone and note) to decide "
            "on your application and to contact you about it. Only the coordinators of "
            "%(network)s and of the networks it belongs to, and the administrators of this "
            "site, see it. When the application is approved, your name and e-mail become your "
            "account on BiblioHub. You can ask the coordinators at any time to show you or "
            "delete your data."
        ) % {"network": network.name}

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if pending_application_exists(network=self.network, email=email):
            raise forms.ValidationError(
                _(
                    "An application from this e-mail address to %(network)s is already waiting "
                    "for a decision. The coordinators will write to you; there is no need to "
                    "apply again."
                ),
                code="duplicate",
                params={"network": self.network.name},
            )
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("library") is None:
            if not (data.get("library_name") or "").strip() and "library_name" not in self.errors:
                self.add_error(
                    "library_name",
                    _("Pick your library from the list, or give the name of a new one here."),
                )
            if not (data.get("town") or "").strip() and "town" not in self.errors:
                self.add_error("town", _("Give the town of the new library."))
        return data


class DecisionForm(NoColonMixin, forms.Form):
    APPROVE, REJECT = "approve", "reject"

    decision = forms.ChoiceField(choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))])
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant reads this in the e-mail that tells them of the decision."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == self.REJECT and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the application is rejected."))
        return data


class MembershipChangeForm(forms.Form):
    SUSPEND, END, REACTIVATE = "suspend", "end", "reactivate"

    membership = forms.IntegerField(widget=forms.HiddenInput)
    action = forms.ChoiceField(
        choices=[(SUSPEND, _("Suspend")), (END, _("End")), (REACTIVATE, _("Reactivate"))]
    )
    on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, memberships: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.memberships = memberships

    def clean_membership(self) -> Membership:
        try:
            return self.memberships.get(pk=self.cleaned_data["membership"])
        except Membership.DoesNotExist:
            raise forms.ValidationError(_("This membership is not in this network.")) from None
