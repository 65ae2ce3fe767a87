"""The astronauts endpoint's own shapes: ``AstronautEndpointNormal`` and ``AstronautEndpointDetailed``.

Apart from ``astronaut.py`` because the detailed shape nests launches, spacecraft flights and
spacewalks, which nest astronauts.
"""

from hangar.api.serializers.astronaut import AstronautDetailedSerializer
from hangar.api.serializers.fields import ConstantField
from hangar.api.serializers.flight import SpacecraftFlightNormalSerializer
from hangar.api.serializers.launch import LaunchNormalSerializer
from hangar.api.serializers.spacewalk import SpacewalkNormalSerializer
from hangar.catalog.models import Astronaut


class AstronautEndpointNormalSerializer(AstronautDetailedSerializer):
    response_mode = ConstantField("normal")

    class Meta:
        model = Astronaut
        fields = (
            *AstronautDetailedSerializer.Meta.fields,
            "flights_count",
            "landings_count",
            "spacewalks_count",
        )


class AstronautEndpointDetailedSerializer(AstronautEndpointNormalSerializer):
    response_mode = ConstantField("detailed")
    flights = LaunchNormalSerializer(many=True, source="launches")
    landings = SpacecraftFlightNormalSerializer(many=True)
    spacewalks = SpacewalkNormalSerializer(many=True)

    class Meta:
        model = Astronaut
        fields = (*AstronautEndpointNormalSerializer.Meta.fields, "flights", "landings", "spacewalks")
