"""``ifold``: case-folded substring match, identical on SQLite (with its ASCII shortcut) and PostgreSQL."""

import pytest

from hangar.catalog.models import Spacecraft
from tests import factories


@pytest.fixture
def names(db):
    for pk, name in enumerate(
        [
            "Soyuz T-10",
            "SOYUZ tm",
            "Прогресс М-19",
            "\u212aelvin probe",
            "\u0130stanbul One",
            "100%_done",
            "Ärger",
        ],
        start=1,
    ):
        factories.SpacecraftFactory(id=pk, name=name)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("soyuz", [1, 2]),
        ("T-1", [1]),
        ("прогресс", [3]),
        ("kelvin", [4]),  # U+212A KELVIN SIGN lowers to ASCII k: SQLite's LIKE alone would miss it
        ("i", [4, 5]),  # 5 only through U+0130, which lowers to i + U+0307
        ("%", [6]),
        ("_d", [6]),
        ("ärger", [7]),
        ("zzz", []),
    ],
)
def test_ifold_matches_like_str_lower(names, term, expected):
    assert list(Spacecraft.objects.filter(name__ifold=term).values_list("id", flat=True)) == expected
    # The definition it implements, computed in Python.
    by_python = [
        pk for pk, name in Spacecraft.objects.values_list("id", "name") if term.lower() in name.lower()
    ]
    assert by_python == expected
