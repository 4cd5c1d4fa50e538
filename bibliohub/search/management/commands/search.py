"""Search as a visitor (not signed in) would on the site, from the command line."""

import json
import re
from html import unescape
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandParser
from django.utils.html import strip_tags

from bibliohub.search.models import Kind
from bibliohub.search.query import search


def _plain(html: str) -> str:
    return unescape(strip_tags(html))


class Command(BaseCommand):
    help = "Search the index as a visitor: the same ranked results a visitor gets on the site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query")
        parser.add_argument(
            "--lang",
            choices=[code for code, _ in settings.CONTENT_LANGUAGES],
            help="Language of the query and of the results.",
        )
        parser.add_argument("--type", choices=Kind.values, help="Only results of this kind.")
        parser.add_argument("--network", help="Only this network (its address) and its sections.")
        parser.add_argument("--category", help="Only documents of this category.")
        parser.add_argument("--page", type=int, default=1)
        parser.add_argument("--per-page", type=int, default=10)
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        page = search(
            AnonymousUser(),
            options["query"],
            kind=options["type"],
            network=options["network"],
            language=options["lang"],
            category=options["category"],
            page=options["page"],
            per_page=options["per_page"],
        )
        if options["json"]:
            data = {
                "query": page.query,
                "total": page.total,
                "total_exact": page.exact,
                "page": page.page,
                "counts": page.counts,
                "results": [
                    {
                        "type": r.kind,
                        "title": r.title,
                        "url": r.url,
                        "ref": r.ref,
                        "language": r.language,
                        "category": r.category,
                        "network": r.network_name,
                        "score": r.score,
                        "snippet": _plain(r.snippet_html),
                    }
                    for r in page.results
                ],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        counts = ", ".join(f"{kind} {n}" for kind, n in page.counts.items())
        total = f"{page.total} result(s)" if page.exact else f"More than {page.total} results"
        self.stdout.write(total + (f" ({counts})" if counts else ""))
        if page.any_word:
            self.stdout.write("No result has every word; these have some of them.")
        first = (page.page - 1) * page.per_page
        for number, r in enumerate(page.results, start=first + 1):
            ref = f" [{r.ref}]" if r.ref else ""
            self.stdout.write(f"{number}. {r.title}{ref}  ({r.kind}, {r.language}) {r.url}")
            snippet = re.sub(r"\s+", " ", _plain(r.snippet_html)).strip()
            if snippet:
                self.stdout.write(f"   {snippet}")
        if page.has_next:
            self.stdout.write(
                f"Page {page.page} of {page.num_pages}; --page {page.page + 1} for more."
            )
