"""API endpoints of search: everything the caller may see that matches a query, and the
suggestions the search box offers as one types. The search engine (bibliohub.search.query)
leaves out what the caller may not see, in the results and in the counts alike."""

from typing import Annotated, Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from bibliohub.directory.models import Network
from bibliohub.knowledge.models import Category
from bibliohub.search import query
from bibliohub.search.forms import MAX_QUERY
from bibliohub.search.models import Kind
from bibliohub.search.views import suggestions

from .auth import PUBLIC
from .schemas import ErrorOut

router = Router(tags=["search"])

MAX_PER_PAGE = 50
MAX_PAGE = 100


class SearchResultOut(Schema):
    type: str
    title: str
    url: str
    ref: str
    language: str
    category: str
    network: str | None
    snippet: str
    score: float


class SearchOut(Schema):
    query: str
    total: int
    # False when there are more matches than `total` (counting stops at 1,000, or at what the
    # page asked for needs); `counts` are then at least these.
    total_exact: bool
    page: int
    per_page: int
    counts: dict[str, int]
    results: list[SearchResultOut]


class SuggestionOut(Schema):
    title: str
    url: str
    kind: str
    kind_label: str


class SuggestionsOut(Schema):
    suggestions: list[SuggestionOut]


def _choice(name: str, value: str, allowed: list[str]) -> str | None:
    if not value:
        return None
    if value not in allowed:
        raise HttpError(
            400,
            _("The parameter %(name)s cannot be “%(value)s”; use one of: %(allowed)s.")
            % {"name": name, "value": value, "allowed": ", ".join(allowed)},
        )
    return value


def _network(slug: str) -> Network | None:
    if not slug:
        return None
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise HttpError(400, _("There is no network “%(slug)s”.") % {"slug": slug})
    return network


def _result(result: Any) -> dict[str, Any]:
    return {
        "type": result.kind,
        "title": result.title,
        "url": result.url,
        "ref": result.ref or "",
        "language": result.language or "",
        "category": result.category or "",
        "network": result.network_name or None,
        # Escaped text with the matched words in <mark>, made by the search engine.
        "snippet": str(result.snippet_html or ""),
        "score": float(result.score),
    }


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 422: ErrorOut},
    auth=PUBLIC,
    summary="Search everything the caller may see",
)
def search(
    request: HttpRequest,
    q: Annotated[str, Query(max_length=MAX_QUERY)],
    kind: Annotated[str, Query(alias="type")] = "",
    lang: str = "",
    network: str = "",
    category: str = "",
    page: int = Query(1, ge=1, le=MAX_PAGE),
    per_page: int = Query(10, ge=1, le=MAX_PER_PAGE),
) -> dict[str, Any]:
    """Libraries, branches, networks, documents (title, description and the text inside their
    files) and events, best first. Words match in any of their forms, without diacritics, and
    Serbian in either script. Filter by `type` (library, branch, network, document, event),
    `lang`, `network` (slug, with its sections) and `category` (documents). `counts` gives the
    number of matches per type (types with none left out) for the same query without the
    `type` filter. Matches are counted up to 1,000 (or as many as the page needs): past that,
    `total_exact` is false and `total` and `counts` are lower bounds. `url` is the path
    of the thing on this site; `snippet` is HTML (escaped text, matches in `<mark>`)."""
    text = " ".join(q.split())
    if not text:
        raise HttpError(422, _("Say what to search for: the parameter q is empty."))
    found = query.search(
        request.auth,
        text,
        kind=_choice("type", kind, list(Kind.values)),
        network=_network(network),
        language=_choice("lang", lang, [code for code, _name in settings.CONTENT_LANGUAGES]),
        category=_choice("category", category, list(Category.values)),
        page=page,
        per_page=per_page,
    )
    return {
        "query": text,
        "total": found.total,
        "total_exact": found.exact,
        "page": found.page,
        "per_page": found.per_page,
        "counts": {str(kind): count for kind, count in found.counts.items() if count},
        "results": [_result(result) for result in found.results],
    }


@router.get(
    "/search/suggest",
    response={200: SuggestionsOut},
    auth=PUBLIC,
    summary="Suggestions for a search box as the caller types",
)
def suggest(request: HttpRequest, q: str = "") -> dict[str, Any]:
    """At most eight things the caller may see whose titles match what was typed so far (the
    last word may be unfinished); an empty list for fewer than two characters."""
    return {"suggestions": suggestions(request.auth, q)}
