"""Spacecraft flight endpoints."""

from hangar.api.filters.spacecraft import SpacecraftFlightFilterSet
from hangar.api.serializers.flight import SpacecraftFlightDetailedSerializer, SpacecraftFlightNormalSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import SpacecraftFlight


class SpacecraftFlightViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `normal`, `detailed`

    Example - [/spacecraft_flights/?mode=detailed](./?mode=detailed)

    #### Filters
    Parameters - `spacecraft`

    Example - [/spacecraft_flights/?spacecraft=289](./?spacecraft=289)
    """

    queryset = SpacecraftFlight.objects.all()
    modes = {
        "normal": SpacecraftFlightNormalSerializer,
        "detailed": SpacecraftFlightDetailedSerializer,
    }
    filterset_class = SpacecraftFlightFilterSet
    # The official file accepts `search` and `ordering` here but names no fields: upstream ignores
    # `search`, and `id` is the only ordering (the tiebreaker every list has).
    search_fields = ()
    ordering_fields = ("id",)
    ordering = ("id",)
