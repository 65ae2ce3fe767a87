"""The payload endpoints: payloads, and payload flights (one payload on one launch)."""

from hangar.api.filters.payload import PayloadFilterSet, PayloadFlightFilterSet
from hangar.api.serializers.flight import (
    PayloadFlightMiniSerializer,
    PayloadFlightNormalSerializer,
    PayloadMiniSerializer,
    PayloadNormalSerializer,
)
from hangar.api.serializers.launch_detailed import PayloadDetailedSerializer, PayloadFlightDetailedSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Payload, PayloadFlight


class PayloadViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/payloads/?mode=list](./?mode=list)

    #### Filters
    Parameters - `manufacturer__id`, `manufacturer__name`, `name`, `operator`, `operator__id`,
    `operator__name`, `program__id`

    Example - [/payloads/?program__id=18](./?program__id=18)

    #### Search
    Fields searched - `manufacturer__name`, `name`, `operator__name`, `payloadflight__destination`,
    `payloadflight__rocket__launch__name`

    Example - [/payloads/?search=EarthCare](./?search=EarthCare)

    #### Ordering
    Fields - `id`, `name`, `payloadflight__rocket__launch__net`

    Example -
    [/payloads/?ordering=-payloadflight__rocket__launch__net](./?ordering=-payloadflight__rocket__launch__net)
    """

    queryset = Payload.objects.all()
    modes = {
        "list": PayloadMiniSerializer,
        "normal": PayloadNormalSerializer,
        "detailed": PayloadDetailedSerializer,
    }
    filterset_class = PayloadFilterSet
    # Upstream's payload has `payloadflight` rows whose rocket has the launch; Hangar's has `flights`,
    # each with its `launch` (the rocket's). A payload with several flights orders by its first one's
    # launch NET (api.filters.backends), and is found once by a search any of them matches.
    upstream_paths = {
        "payloadflight__destination": "flights__destination",
        "payloadflight__rocket__launch__name": "flights__launch__name",
        "payloadflight__rocket__launch__net": "flights__launch__net",
    }
    search_fields = (
        "manufacturer__name",
        "name",
        "operator__name",
        "payloadflight__destination",
        "payloadflight__rocket__launch__name",
    )
    ordering_fields = ("id", "name", "payloadflight__rocket__launch__net")
    ordering = ("id",)


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
