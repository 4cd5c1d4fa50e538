"""The search page and the suggestions as one types. Thin: the search engine (query.py) finds,
ranks and leaves out what the person may not see; these views only parse and answer.

Neither is kept in the page cache: the answer depends on who asks, and the index changes
without moving the page cache's content version."""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bibliohub.knowledge.models import Category

from . import query
from .forms import MAX_QUERY, SearchForm
from .models import Kind

PER_PAGE = 10
# Further than anyone pages through search results; a bound on the offset the engine computes.
MAX_PAGE = 100
MAX_SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2
# The kinds above the results, in this order.
TAB_LABELS = {
    Kind.LIBRARY.value: gettext_lazy("Libraries"),
    Kind.BRANCH.value: gettext_lazy("Branches"),
    Kind.NETWORK.value: gettext_lazy("Networks"),
    Kind.DOCUMENT.value: gettext_lazy("Documents"),
    Kind.EVENT.value: gettext_lazy("Events"),
}


def _page_number(value: str | None) -> int:
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    return min(max(number, 1), MAX_PAGE)


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _language_label(code: str) -> str:
    return str(dict(settings.CONTENT_LANGUAGES).get(code, code))


def _row(result: Any) -> dict[str, Any]:
    return {
        "result": result,
        "kind_label": _label(Kind, result.kind),
        "language_label": _language_label(result.language) if result.language else "",
        "category_label": _label(Category, result.category) if result.category else "",
    }


def _tabs(counts: dict[str, int], matches: int, current: str | None) -> list[dict[str, Any]]:
    """All kinds ("Everything") and each kind with its count; kinds with nothing found are left out
    unless they are the one chosen."""
    tabs = [
        {
            "kind": None,
            "label": _("Everything"),
            "count": matches,
            "current": current is None,
        }
    ]
    for kind, label in TAB_LABELS.items():
        count = counts.get(kind, 0)
        if count or kind == current:
            tabs.append({"kind": kind, "label": label, "count": count, "current": kind == current})
    return tabs


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    filters = form.filters()
    context: dict[str, Any] = {"form": form, "filters": filters, "q": filters.q}
    if filters.q:
        number = _page_number(request.GET.get("page"))

        def run(page: int) -> Any:
            return query.search(
                request.user,
                filters.q,
                kind=filters.kind,
                network=filters.network,
                language=filters.language,
                category=filters.category,
                page=page,
                per_page=PER_PAGE,
            )

        found = run(number)
        pages = min(max(math.ceil(found.total / PER_PAGE), 1), MAX_PAGE)
        if number > pages:
            # Past the end (an old link, a hand-edited address): the last page instead.
            number = pages
            found = run(number)
        context.update(
            found=found,
            rows=[_row(result) for result in found.results],
            tabs=_tabs(found.counts, found.matches, filters.kind),
            number=number,
            pages=pages,
            first_number=(number - 1) * PER_PAGE + 1,
        )
    response = render(request, "search/search.html", context)
    patch_cache_control(response, private=True)
    return response


def suggestions(user: Any, text: str) -> list[dict[str, str]]:
    """What to offer as the person types (also for the API): at most eight things they may
    see, nothing for fewer than two characters."""
    text = " ".join(text.split())[:MAX_QUERY]
    if len(text) < MIN_SUGGEST_LENGTH:
        return []
    found = query.suggest(user, text, limit=MAX_SUGGESTIONS)
    return [
        {
            "title": item["title"],
            "url": item["url"],
            "kind": item["kind"],
            "kind_label": _label(Kind, item["kind"]),
        }
        for item in found[:MAX_SUGGESTIONS]
    ]


def suggest(request: HttpRequest) -> HttpResponse:
    response = JsonResponse({"suggestions": suggestions(request.user, request.GET.get("q", ""))})
    # Short and private: the list depends on who asks, and on the interface language.
    patch_cache_control(response, private=True, max_age=30)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response
