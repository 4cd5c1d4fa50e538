"""Write the Serbian Latin catalogue from the Serbian Cyrillic one.

Serbian is one language in two scripts, and Latin is a letter-for-letter transliteration of
Cyrillic, so the sr_Latn catalogue is generated rather than translated twice.
Run from the repository root: .venv/bin/python scripts/sr_latn_catalogue.py
"""

from pathlib import Path

import polib

from bibliohub.core.text import sr_cyrillic_to_latin

LOCALE = Path(__file__).resolve().parent.parent / "bibliohub" / "locale"


def main() -> None:
    source = polib.pofile(str(LOCALE / "sr" / "LC_MESSAGES" / "django.po"))
    target_path = LOCALE / "sr_Latn" / "LC_MESSAGES" / "django.po"
    target_path.parent.mkdir(parents=True, exist_ok=True)
    target = polib.POFile(wrapwidth=source.wrapwidth)
    target.metadata = dict(source.metadata, Language="sr_Latn")
    for entry in source:
        if entry.obsolete:
            continue
        copy = polib.POEntry(
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgctxt=entry.msgctxt,
            msgstr=sr_cyrillic_to_latin(entry.msgstr),
            msgstr_plural={k: sr_cyrillic_to_latin(v) for k, v in entry.msgstr_plural.items()},
            flags=list(entry.flags),
        )
        target.append(copy)
    target.save(str(target_path))
    print(f"Wrote {target_path} ({len(target)} messages)")


if __name__ == "__main__":
    main()
