"""The landings endpoint's filters: every parameter of the official file.

A landing's first stage, spacecraft flight and payload flight point at it (reverse foreign keys), so
every filter through them is a subquery (``IdListFilter``): a landing matches once, whatever matched.

- ``attempt``, ``success``: true or false (a landing whose outcome is unknown has ``success`` null and
  matches neither).
- ``landing_location__ids``, ``landing_type__ids``: comma-separated ids of its location or type.
- ``firststage_launch__ids``: comma-separated launch UUIDs, of the launch its first stage flew;
  ``launcher__ids``, ``launcher_config__ids``, ``launcher_serial_numbers`` (exact, comma-separated): of
  that stage's launcher.
- ``spacecraft__ids``, ``spacecraft_config__ids``, ``spacecraft_launch__ids``: of the spacecraft flight
  that landed (its spacecraft, the spacecraft's configuration, its launch).
"""

import django_filters

from hangar.api.filters.fields import BooleanFilter, IdListFilter, TextListFilter, UUIDListFilter
from hangar.catalog.models import Landing

HELP = "Multiple values may be separated by commas."


class LandingFilterSet(django_filters.FilterSet):
    attempt = BooleanFilter()
    firststage_launch__ids = UUIDListFilter(field_name="first_stages__rocket__launches", help_text=HELP)
    landing_location__ids = IdListFilter(field_name="landing_location", help_text=HELP)
    landing_type__ids = IdListFilter(field_name="type", help_text=HELP)
    launcher__ids = IdListFilter(field_name="first_stages__launcher", help_text=HELP)
    launcher_config__ids = IdListFilter(field_name="first_stages__launcher__launcher_config", help_text=HELP)
    launcher_serial_numbers = TextListFilter(
        field_name="first_stages__launcher__serial_number", help_text=HELP
    )
    spacecraft__ids = IdListFilter(field_name="spacecraft_flights__spacecraft", help_text=HELP)
    spacecraft_config__ids = IdListFilter(
        field_name="spacecraft_flights__spacecraft__spacecraft_config", help_text=HELP
    )
    spacecraft_launch__ids = UUIDListFilter(field_name="spacecraft_flights__launch", help_text=HELP)
    success = BooleanFilter()

    class Meta:
        model = Landing
        fields = ()
