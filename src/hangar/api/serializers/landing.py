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
from hangar.catalog.models import FirstStage, Landing


def _without_landing(base: type) -> type:
    """``base``'s shape without its ``landing`` (the landing is the object that nests it), named as
    upstream names it: ``<base>NoLanding``."""
    meta = type("Meta", (), {"model": base.Meta.model, "fields": _fields_without(base, "landing")})
    return type(f"{base.__name__}NoLanding", (base,), {"__module__": __name__, "landing": None, "Meta": meta})


def _fields_without(base: type, *names: str) -> tuple[str, ...]:
    return tuple(f for f in base.Meta.fields if f not in names)


class FirstStageMiniSerializer(FirstStageNormalSerializer):
    """``FirstStageMini``: FirstStageNormal without its landing and previous flight, a ``LauncherMini``."""

    launcher = LauncherMiniSerializer()
    landing = None
    previous_flight = None

    class Meta:
        model = FirstStage
        fields = _fields_without(FirstStageNormalSerializer, "landing", "previous_flight")


FirstStageNormalSerializerNoLanding = _without_landing(FirstStageNormalSerializer)


class FirstStageDetailedSerializerNoLanding(FirstStageNormalSerializerNoLanding):
    # Null for a launcher's first flight, as for FirstStageNormal (an erratum of the file).
    previous_flight = LaunchNormalSerializer(allow_null=True)

    class Meta:
        model = FirstStage
        fields = FirstStageNormalSerializerNoLanding.Meta.fields


SpacecraftFlightMiniSerializerNoLanding = _without_landing(SpacecraftFlightMiniSerializer)
SpacecraftFlightNormalSerializerNoLanding = _without_landing(SpacecraftFlightNormalSerializer)
SpacecraftFlightDetailedSerializerNoLanding = _without_landing(SpacecraftFlightDetailedSerializer)
PayloadFlightMiniSerializerNoLanding = _without_landing(PayloadFlightMiniSerializer)
PayloadFlightNormalSerializerNoLanding = _without_landing(PayloadFlightNormalSerializer)
PayloadFlightDetailedSerializerNoLanding = _without_landing(PayloadFlightDetailedSerializer)


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
