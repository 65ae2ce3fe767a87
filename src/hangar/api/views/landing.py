"""The landings endpoint: a landing with what landed in it (a first stage, a spacecraft or a payload)."""

from hangar.api.filters.landing import LandingFilterSet
from hangar.api.serializers.landing import (
    LandingEndpointDetailedSerializer,
    LandingEndpointListSerializer,
    LandingEndpointNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Landing


class LandingViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/landings/?mode=list](./?mode=list)

    #### Filters
    Parameters - `attempt`, `firststage_launch__ids`, `landing_location__ids`, `landing_type__ids`,
    `launcher__ids`, `launcher_config__ids`, `launcher_serial_numbers`, `spacecraft__ids`,
    `spacecraft_config__ids`, `spacecraft_launch__ids`, `success`

    Example - [/landings/?spacecraft__ids=39,37](./?spacecraft__ids=39,37)

    #### Search
    Fields searched - `firststage__launcher__launcher_config__name`, `firststage__launcher__serial_number`,
    `firststage__rocket__launch__name`, `landing_location__abbrev`, `landing_location__name`,
    `spacecraftflight__rocket__launch__name`, `spacecraftflight__spacecraft__name`,
    `spacecraftflight__spacecraft__serial_number`, `spacecraftflight__spacecraft__spacecraft_config__name`

    Example - [/landings/?search=B1059](./?search=B1059)

    #### Ordering
    Fields - `downrange_distance`, `id`

    Example - [/landings/?ordering=downrange_distance](./?ordering=downrange_distance)
    """

    queryset = Landing.objects.all()
    modes = {
        "list": LandingEndpointListSerializer,
        "normal": LandingEndpointNormalSerializer,
        "detailed": LandingEndpointDetailedSerializer,
    }
    filterset_class = LandingFilterSet
    # Upstream's landing has one `firststage` and one `spacecraftflight`; Hangar's has the reverse
    # relations `first_stages` and `spacecraft_flights`. A flight's launch is read directly rather than
    # through its rocket (the same launch); a stage's through its rocket, whose launch names it.
    upstream_paths = {
        "firststage__launcher__launcher_config__name": "first_stages__launcher__launcher_config__name",
        "firststage__launcher__serial_number": "first_stages__launcher__serial_number",
        "firststage__rocket__launch__name": "first_stages__rocket__launches__name",
        "spacecraftflight__rocket__launch__name": "spacecraft_flights__launch__name",
        "spacecraftflight__spacecraft__name": "spacecraft_flights__spacecraft__name",
        "spacecraftflight__spacecraft__serial_number": "spacecraft_flights__spacecraft__serial_number",
        "spacecraftflight__spacecraft__spacecraft_config__name": (
            "spacecraft_flights__spacecraft__spacecraft_config__name"
        ),
    }
    search_fields = (
        "firststage__launcher__launcher_config__name",
        "firststage__launcher__serial_number",
        "firststage__rocket__launch__name",
        "landing_location__abbrev",
        "landing_location__name",
        "spacecraftflight__rocket__launch__name",
        "spacecraftflight__spacecraft__name",
        "spacecraftflight__spacecraft__serial_number",
        "spacecraftflight__spacecraft__spacecraft_config__name",
    )
    ordering_fields = ("downrange_distance", "id")
    # Upstream documents no default (its first page does not start at the lowest id); Hangar's is id.
    ordering = ("id",)
