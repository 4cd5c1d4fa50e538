"""Fill the English catalogue: English is the source language, so each text stands for itself.

Run from the repository root after `make messages`: .venv/bin/python scripts/en_catalogue.py
"""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "bibliohub/locale/en/LC_MESSAGES/django.po"


def main() -> None:
    catalogue = polib.pofile(str(PO))
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()
    print(f"Filled {PO} ({len(catalogue)} messages)")


if __name__ == "__main__":
    main()
