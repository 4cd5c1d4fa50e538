from bibliohub.core.text import fold, sr_cyrillic_to_latin


def test_serbian_cyrillic_becomes_latin_with_digraphs():
    assert (
        sr_cyrillic_to_latin("Јавна библиотека Бора Станковић") == "Javna biblioteka Bora Stanković"
    )
    assert sr_cyrillic_to_latin("Љубав и Њујорк") == "Ljubav i Njujork"
    assert sr_cyrillic_to_latin("ЏЕП") == "DŽEP"


def test_fold_removes_case_diacritics_and_script():
    assert fold("Knihovna Třinec") == "knihovna trinec"
    assert fold("Врање") == "vranje"
    assert fold("Đurđevac") == "durdevac"
