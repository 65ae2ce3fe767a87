"""The payload flights endpoint: one payload on one launch."""

from hangar.api.filters.payload import PayloadFlightFilterSet
from hangar.api.serializers.flight import PayloadFlightMiniSerializer, PayloadFlightNormalSerializer
from hangar.api.serializers.launch_detailed import PayloadFlightDetailedSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import PayloadFlight


class PayloadFlightViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/payload_flights/?mode=list](./?mode=list)

    #### Filters
    Parameters - `payload`

    Example - [/payload_flights/?payload=2](./?payload=2)
    """

    queryset = PayloadFlight.objects.all()
    modes = {
        "list": PayloadFlightMiniSerializer,
        "normal": PayloadFlightNormalSerializer,
        "detailed": PayloadFlightDetailedSerializer,
    }
    filterset_class = PayloadFlightFilterSet
    # The official file accepts `search` and `ordering` here but names no fields, as for spacecraft
    # flights: `search` is ignored, and `id` is the only ordering.
    search_fields = ()
    ordering_fields = ("id",)
    ordering = ("id",)
