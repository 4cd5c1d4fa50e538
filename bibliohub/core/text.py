"""Text helpers shared by search and translations: Serbian transliteration, folding."""

import unicodedata

_SR_CYR_TO_LAT = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Д": "D",
    "Ђ": "Đ",
    "Е": "E",
    "Ж": "Ž",
    "З": "Z",
    "И": "I",
    "Ј": "J",
    "К": "K",
    "Л": "L",
    "Љ": "Lj",
    "М": "M",
    "Н": "N",
    "Њ": "Nj",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "Ћ": "Ć",
    "У": "U",
    "Ф": "F",
    "Х": "H",
    "Ц": "C",
    "Ч": "Č",
    "Џ": "Dž",
    "Ш": "Š",
}
_SR_CYR_TO_LAT.update({k.lower(): v.lower() for k, v in list(_SR_CYR_TO_LAT.items())})


_SR_TRANSLATION = str.maketrans(_SR_CYR_TO_LAT)
_SR_CAPITAL_DIGRAPHS = frozenset("ЉЊЏ")


def sr_cyrillic_to_latin(text: str) -> str:
    """Serbian Cyrillic to Serbian Latin (gajica), one-to-one as Serbian writers do it.

    A digraph (Lj, Nj, Dž) is written in capitals when the letter after it is a capital too,
    so "ЉУБАВ" becomes "LJUBAV" and "Љубав" becomes "Ljubav".
    """
    if _SR_CAPITAL_DIGRAPHS.isdisjoint(text):
        # No capital digraph to decide on: one table does it (search analyses millions of words).
        return text.translate(_SR_TRANSLATION)
    out = []
    for i, ch in enumerate(text):
        latin = _SR_CYR_TO_LAT.get(ch)
        if latin is None:
            out.append(ch)
            continue
        if len(latin) == 2 and ch.isupper():
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt.isupper():
                latin = latin.upper()
        out.append(latin)
    return "".join(out)


class _FoldTable(dict[int, str]):
    """Each character's folded form, worked out the first time it is met (str.translate asks
    for it): case-folded, Serbian Cyrillic in Latin, without diacritics. Folding is done
    character by character, so a table gives the same result as folding the whole text."""

    def __missing__(self, code: int) -> str:
        text = sr_cyrillic_to_latin(chr(code)).casefold()
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        folded = folded.replace("đ", "d").replace("ł", "l").replace("ß", "ss")
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, Serbian Cyrillic in Latin, and diacritics removed: 'Třinec' → 'trinec'."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)
