"""`bibliohub import-documents PATH... --network SLUG --visibility public|members`: import the
documents of folders and JSON Lines files into a network (see bibliohub/knowledge/imports.py)."""

# Console output stays in English: Django runs management commands with translations off.

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from bibliohub.knowledge.imports import import_documents
from bibliohub.knowledge.models import Category


class Command(BaseCommand):
    help = (
        "Import documents into a network: every PDF, DOCX, ODT, Markdown and text file of the "
        "given folders (recursively; the title is the file name), and the items of .jsonl files "
        "(one JSON object a line: title, body or file (relative to the .jsonl file), lang, "
        "optional id kept as the external reference, category, tags). Importing an id again "
        "updates that document. The network is created when it does not exist."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Folders or .jsonl files.")
        parser.add_argument("--network", required=True, metavar="SLUG", help="The network.")
        parser.add_argument(
            "--visibility",
            required=True,
            choices=["public", "members"],
            help="Who can see the imported documents.",
        )
        parser.add_argument(
            "--category",
            choices=Category.values,
            help="Category of items that do not name one (default: other).",
        )
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.CONTENT_LANGUAGES],
            help="Language of items that do not name one (default: detected from the text).",
        )
        parser.add_argument(
            "--network-name",
            help="Name of the network when it is created (default: the slug).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        paths = [Path(p) for p in options["paths"]]
        try:
            report = import_documents(
                paths,
                network=options["network"],
                visibility=options["visibility"],
                category=options["category"],
                language=options["lang"],
                network_name=options["network_name"],
            )
        except ValidationError as error:
            raise CommandError(
                f"The network “{options['network']}” cannot be created: "
                + "; ".join(error.messages)
            ) from error
        write = self.stdout.write
        if report.network_created:
            write(f"Created the network “{report.network}” ({report.network.slug}).")
        for source, document in report.imported:
            write(f"imported   {source} → {document.slug}")
        for source, document in report.updated:
            write(f"updated    {source} → {document.slug}")
        for source, document in report.unchanged:
            write(f"unchanged  {source} → {document.slug}")
        for skip in report.skipped:
            write(self.style.WARNING(f"skipped    {skip.source}: {skip.reason}"))
        summary = (
            f"Imported {len(report.imported)}, updated {len(report.updated)}, "
            f"unchanged {len(report.unchanged)}, skipped {len(report.skipped)}."
        )
        write(self.style.SUCCESS(summary) if not report.skipped else self.style.WARNING(summary))
