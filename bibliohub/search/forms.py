"""The search page's GET form: the query and the filters (kind, network, language, category)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from bibliohub.directory.models import Network
from bibliohub.knowledge.models import Category

from .models import Kind

MAX_QUERY = 200


@dataclass(frozen=True)
class SearchFilters:
    q: str = ""
    kind: str | None = None
    network: Network | None = None
    language: str | None = None
    category: str | None = None


class SearchForm(forms.Form):
    """Every field is optional; a value that does not validate is left out, not an error page."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": MAX_QUERY, "autocomplete": "off"}
        ),
    )
    type = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Everything")), *Kind.choices]
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        queryset=Network.objects.only("slug", "name").order_by("name"),
        to_field_name="slug",
        empty_label=_("All networks"),
    )
    lang = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.CONTENT_LANGUAGES],
    )
    category = forms.ChoiceField(
        label=_("Category of document"),
        required=False,
        choices=[("", _("All categories")), *Category.choices],
        help_text=_("Only documents have a category."),
    )

    def clean_q(self) -> str:
        # A pasted paragraph is cut rather than refused: the start of it is what matters.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY]

    def filters(self) -> SearchFilters:
        self.is_valid()
        # Django keeps only the fields that validated in cleaned_data.
        ok: dict[str, Any] = getattr(self, "cleaned_data", {})
        return SearchFilters(
            q=ok.get("q") or "",
            kind=ok.get("type") or None,
            network=ok.get("network"),
            language=ok.get("lang") or None,
            category=ok.get("category") or None,
        )
