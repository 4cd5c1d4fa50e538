"""Forms of the document library: the browsing filter, the upload, a new version, the editor."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from bibliohub.core.models import Visibility
from bibliohub.directory.models import Network

from .models import Category
from .services import MAX_TAGS
from .validators import ACCEPT, check_document_file, max_upload_bytes

VISIBILITY_CHOICES = [c for c in Visibility.choices if c[0] != Visibility.GROUP]


class NetworkChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Network) -> str:
        if obj.parent_id:
            return f"{obj.parent.short_name or obj.parent.name} › {obj.name}"
        return obj.name


class DocumentFilterForm(forms.Form):
    """The GET filter of the library; every field is optional."""

    q = forms.CharField(label=_("Words in the title"), required=False, max_length=200)
    network = NetworkChoiceField(
        label=_("Network"),
        required=False,
        queryset=Network.objects.select_related("parent").order_by("name"),
        to_field_name="slug",
        empty_label=_("All networks"),
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All categories")), *Category.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.CONTENT_LANGUAGES],
    )
    tag = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["type"] = "search"

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        # Fields that did not validate (an unknown network, say) are left out, not an error page.
        ok = {k: v for k, v in data.items() if k not in self.errors}
        return {
            "network": ok.get("network"),
            "category": ok.get("category") or None,
            "tag": ok.get("tag") or None,
            "language": ok.get("language") or None,
            "q": ok.get("q") or None,
        }


def _help_file() -> str:
    return str(
        _("PDF, DOCX, ODT, Markdown (.md) or plain text (.txt), at most %(limit)s.")
        % {"limit": filesizeformat(max_upload_bytes())}
    )


class DocumentFileField(forms.FileField):
    """A file input that offers the accepted types; the form checks the content."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            widget=forms.FileInput(attrs={"accept": ACCEPT}),
            **kwargs,
        )


def _check_upload(form: forms.Form) -> Any:
    """The same check the services make, so that its message stands beside the other fields."""
    file = form.cleaned_data.get("file")
    if file is not None:
        check_document_file(file, file.name)
    return file


class DocumentFields(forms.Form):
    """What is said about a document, in the upload form and in the editor."""

    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: **bold**, *italics*, lists with -, links as [text](https://…)."),
    )
    language = forms.ChoiceField(
        label=_("Language of the document"), choices=[("", "—"), *settings.CONTENT_LANGUAGES]
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas, for example: lending rules, contracts, standards."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=VISIBILITY_CHOICES,
        initial=Visibility.MEMBERS,
    )
    audience = NetworkChoiceField(
        label=_("Section"),
        required=False,
        queryset=Network.objects.none(),
        help_text=_("Only when the document is for the members of one section."),
    )

    def clean_tags(self) -> list[str]:
        from .services import DocumentError, tag_names

        try:
            return tag_names(self.cleaned_data.get("tags") or "")
        except DocumentError as error:
            raise forms.ValidationError(
                _("Give at most %(count)s tags.") % {"count": MAX_TAGS}
            ) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("visibility") == Visibility.SECTION and not data.get("audience"):
            self.add_error("audience", _("Choose the section that may see the document."))
        if data.get("visibility") != Visibility.SECTION:
            data["audience"] = None
        return data

    def document_fields(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "description",
                "language",
                "category",
                "tags",
                "visibility",
                "audience",
            )
        }


class DocumentForm(DocumentFields):
    """The upload: the network first, then the file and what is said about it."""

    field_order = ["network", "file", "title", "description", "language", "category", "tags"]

    network = NetworkChoiceField(
        label=_("Network or section"),
        queryset=Network.objects.none(),
        to_field_name="slug",
        help_text=_("The network or section whose library the document joins."),
    )
    file = DocumentFileField(label=_("File"))

    def __init__(self, *args: Any, networks: QuerySet[Network], audiences: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        self.fields["audience"].queryset = audiences
        self.fields["file"].help_text = _help_file()

    def clean_file(self) -> Any:
        return _check_upload(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        network, audience = data.get("network"), data.get("audience")
        if network and audience and audience.pk != network.pk and audience.parent_id != network.pk:
            self.add_error("audience", _("The section must belong to the document's network."))
        return data


class DocumentEditForm(DocumentFields):
    def __init__(self, *args: Any, audiences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience"].queryset = audiences


class VersionForm(forms.Form):
    file = DocumentFileField(label=_("The new version of the file"))
    note = forms.CharField(
        label=_("What changed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown in the history of versions and sent to the people who follow it."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _help_file()

    def clean_file(self) -> Any:
        return _check_upload(self)
