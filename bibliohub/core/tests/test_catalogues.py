"""Every interface language is complete: each catalogue translates every message."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALES = ["cs", "sl", "sr", "sr_Latn", "uk", "en"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def _catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LOCALES)
def test_catalogue_translates_every_message(code):
    catalogue = _catalogue(code)
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    assert untranslated == []


@pytest.mark.parametrize("code", LOCALES)
def test_catalogues_share_one_set_of_messages(code):
    reference = {(e.msgctxt, e.msgid) for e in _catalogue("en") if not e.obsolete}
    assert {(e.msgctxt, e.msgid) for e in _catalogue(code) if not e.obsolete} == reference


@pytest.mark.parametrize("code", ["cs", "sl", "sr", "sr_Latn", "uk"])
def test_plural_forms_follow_the_language(code):
    catalogue = _catalogue(code)
    forms = catalogue.metadata["Plural-Forms"]
    assert "nplurals=3" in forms or "nplurals=4" in forms
    for entry in catalogue:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


def test_serbian_latin_is_the_cyrillic_catalogue_transliterated():
    from bibliohub.core.text import sr_cyrillic_to_latin

    cyrillic = {e.msgid: e.msgstr for e in _catalogue("sr") if not e.msgid_plural}
    latin = {e.msgid: e.msgstr for e in _catalogue("sr_Latn") if not e.msgid_plural}
    assert latin == {k: sr_cyrillic_to_latin(v) for k, v in cyrillic.items()}
