"""The landings endpoint's shapes: a landing with the one first stage, spacecraft flight or payload flight
that landed in it, each in its flight's own shape without the ``landing`` (the object that nests it).

Those three are reverse foreign keys of ``Landing``; ``source="<relation>.first"`` renders the one row
(``api.loading``). A landing has at most one of the three, so upstream answers null for the other two
although its file declares them non-nullable (errata in ``tests/openapi.py`` and the README).
"""

from hangar.api.serializers.fields import ConstantField
from hangar.api.serializers.flight import (
    LandingSerializer,
    PayloadFlightMiniSerializer,
    PayloadFlightNormalSerializer,
    SpacecraftFlightDetailedSerializer,
    SpacecraftFlightMiniSerializer,
    SpacecraftFlightNormalSerializer,
)
from hangar.api.serializers.launch import LaunchNormalSerializer
from hangar.api.serializers.launch_detailed import (
    FirstStageNormalSerializer,
    LauncherMiniSerializer,
    PayloadFlightDetailedSerializer,
)
from hangar.catalog.models import FirstStage, Landing, PayloadFlight, SpacecraftFlight


def _without_landing(fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f in fields if f != "landing")


class FirstStageMiniSerializer(FirstStageNormalSerializer):
    """``FirstStageMini``: FirstStageNormal without its landing and previous flight, a ``LauncherMini``."""

    launcher = LauncherMiniSerializer()
    landing = None
    previous_flight = None

    class Meta:
        model = FirstStage
        fields = tuple(
            f for f in FirstStageNormalSerializer.Meta.fields if f not in ("landing", "previous_flight")
        )


class FirstStageNormalSerializerNoLanding(FirstStageNormalSerializer):
    landing = None  # the landing is the object that nests it

    class Meta:
        model = FirstStage
        fields = _without_landing(FirstStageNormalSerializer.Meta.fields)


class FirstStageDetailedSerializerNoLanding(FirstStageNormalSerializer):
    landing = None
    # Null for a launcher's first flight, as for FirstStageNormal (an erratum of the file).
    previous_flight = LaunchNormalSerializer(allow_null=True)

    class Meta:
        model = FirstStage
        fields = FirstStageNormalSerializerNoLanding.Meta.fields


class SpacecraftFlightMiniSerializerNoLanding(SpacecraftFlightMiniSerializer):
    landing = None

    class Meta:
        model = SpacecraftFlight
        fields = _without_landing(SpacecraftFlightMiniSerializer.Meta.fields)


class SpacecraftFlightNormalSerializerNoLanding(SpacecraftFlightNormalSerializer):
    landing = None

    class Meta:
        model = SpacecraftFlight
        fields = _without_landing(SpacecraftFlightNormalSerializer.Meta.fields)


class SpacecraftFlightDetailedSerializerNoLanding(SpacecraftFlightDetailedSerializer):
    landing = None

    class Meta:
        model = SpacecraftFlight
        fields = _without_landing(SpacecraftFlightDetailedSerializer.Meta.fields)


class PayloadFlightMiniSerializerNoLanding(PayloadFlightMiniSerializer):
    landing = None

    class Meta:
        model = PayloadFlight
        fields = _without_landing(PayloadFlightMiniSerializer.Meta.fields)


class PayloadFlightNormalSerializerNoLanding(PayloadFlightNormalSerializer):
    landing = None

    class Meta:
        model = PayloadFlight
        fields = _without_landing(PayloadFlightNormalSerializer.Meta.fields)


class PayloadFlightDetailedSerializerNoLanding(PayloadFlightDetailedSerializer):
    landing = None

    class Meta:
        model = PayloadFlight
        fields = _without_landing(PayloadFlightDetailedSerializer.Meta.fields)


LANDED = ("firststage", "spacecraftflight", "payloadflight")


class LandingEndpointListSerializer(LandingSerializer):
    """``LandingEndpointList``: the landings endpoint's ``list`` mode."""

    response_mode = ConstantField("list")
    firststage = FirstStageMiniSerializer(source="first_stages.first", allow_null=True)
    spacecraftflight = SpacecraftFlightMiniSerializerNoLanding(
        source="spacecraft_flights.first", allow_null=True
    )
    payloadflight = PayloadFlightMiniSerializerNoLanding(source="payload_flights.first", allow_null=True)

    class Meta:
        model = Landing
        fields = (*LandingSerializer.Meta.fields, "response_mode", *LANDED)


class LandingEndpointNormalSerializer(LandingSerializer):
    """``LandingEndpointNormal``: the list default."""

    response_mode = ConstantField("normal")
    firststage = FirstStageNormalSerializerNoLanding(source="first_stages.first", allow_null=True)
    spacecraftflight = SpacecraftFlightNormalSerializerNoLanding(
        source="spacecraft_flights.first", allow_null=True
    )
    payloadflight = PayloadFlightNormalSerializerNoLanding(source="payload_flights.first", allow_null=True)

    class Meta:
        model = Landing
        fields = LandingEndpointListSerializer.Meta.fields


class LandingEndpointDetailedSerializer(LandingSerializer):
    """``LandingEndpointDetailed``: the detail default."""

    response_mode = ConstantField("detailed")
    firststage = FirstStageDetailedSerializerNoLanding(source="first_stages.first", allow_null=True)
    spacecraftflight = SpacecraftFlightDetailedSerializerNoLanding(
        source="spacecraft_flights.first", allow_null=True
    )
    payloadflight = PayloadFlightDetailedSerializerNoLanding(source="payload_flights.first", allow_null=True)

    class Meta:
        model = Landing
        fields = LandingEndpointListSerializer.Meta.fields
