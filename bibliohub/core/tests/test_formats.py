"""Dates follow the way each language writes them."""

import datetime

import pytest
from django.utils import formats, translation


@pytest.mark.parametrize(
    ("language", "expected"),
    [("cs", "25. 3. 2025"), ("sl", "25. 3. 2025"), ("sr", "25.03.2025."), ("uk", "25.03.2025")],
)
def test_short_dates(language, expected):
    with translation.override(language):
        assert formats.date_format(datetime.date(2025, 3, 25), "SHORT_DATE_FORMAT") == expected
