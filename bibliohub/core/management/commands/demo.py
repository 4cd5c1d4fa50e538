"""`bibliohub demo [--if-empty]`: load the demo network into an empty database."""

# Console output stays in English: Django runs management commands with translations off.

from django.core.management.base import BaseCommand, CommandError

from bibliohub.core.demo.load import demo_existing_data, demo_load


class Command(BaseCommand):
    help = (
        "Load the demo network (the Czech, Slovenian, Serbian and Ukrainian networks of the "
        "seeds) into an empty database. Refuses when the database already holds data."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="When the database already holds data, say so and exit successfully.",
        )

    def handle(self, *args, if_empty: bool = False, **options):  # type: ignore[no-untyped-def]
        existing = demo_existing_data()
        if existing:
            if if_empty:
                self.stdout.write(
                    "The database already holds data; the demo network was not loaded."
                )
                return
            raise CommandError(
                "The demo network is loaded only into an empty database, and this one already "
                f"holds {', '.join(existing)}. Nothing was changed. To try the demo, point "
                "DATABASE_URL at a new database and run `bibliohub migrate` first."
            )

        summary = demo_load()
        write = self.stdout.write
        write(
            self.style.SUCCESS(
                f"Loaded the demo network: {summary.networks} networks, {summary.libraries} "
                f"libraries, {summary.branches} branches, {summary.people} people, "
                f"{summary.pending_applications} applications waiting for a decision."
            )
        )
        write("")
        write("Demo accounts (everyone in the demo shares one password):")
        width = max(len(email) for email, _role in summary.accounts)
        for email, role in summary.accounts:
            write(f"  {email.ljust(width)}  {role}")
        write(f"Password: {summary.password}")
        write("")
        write("No administrator is created. Make one with: bibliohub createsuperuser")
