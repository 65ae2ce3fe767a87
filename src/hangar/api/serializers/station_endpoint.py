"""The space stations endpoint's shapes: ``SpaceStationEndpoint`` and ``SpaceStationDetailedEndpoint``.

Apart from ``station.py`` because the detailed shape nests docking events and spacecraft flights,
which nest stations.
"""

from rest_framework import serializers

from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.api.serializers.flight import DockingEventForChaserNormalSerializer, PayloadFlightNormalSerializer
from hangar.api.serializers.launch import LaunchNormalSerializer
from hangar.api.serializers.spacecraft import SpacecraftDetailedSerializer
from hangar.api.serializers.station import (
    ExpeditionMiniSerializer,
    SpaceStationDetailedSerializer,
    SpaceStationNormalSerializer,
)
from hangar.catalog.models import DockingEvent, DockingLocation, SpacecraftFlight, SpaceStation


class SpacecraftFlightForDockingEventSerializer(serializers.ModelSerializer):
    url = ResourceURLField("spacecraftflight-detail")
    spacecraft = SpacecraftDetailedSerializer()
    launch = LaunchNormalSerializer()

    class Meta:
        model = SpacecraftFlight
        fields = ("id", "url", "spacecraft", "launch")


class DockingEventDetailedSerializerForSpacestation(serializers.ModelSerializer):
    url = ResourceURLField("dockingevent-detail")
    # One chaser is set, the other two are null (the file declares all three non-nullable).
    flight_vehicle_chaser = SpacecraftFlightForDockingEventSerializer(allow_null=True)
    space_station_chaser = SpaceStationNormalSerializer(allow_null=True)
    payload_flight_chaser = PayloadFlightNormalSerializer(allow_null=True)

    class Meta:
        model = DockingEvent
        fields = (
            "id",
            "url",
            "docking",
            "departure",
            "flight_vehicle_chaser",
            "space_station_chaser",
            "payload_flight_chaser",
        )


class DockingLocationSerializerForSpacestation(serializers.ModelSerializer):
    # Null for a free port, as upstream emits it (its file declares it non-nullable).
    currently_docked = DockingEventDetailedSerializerForSpacestation(allow_null=True)

    class Meta:
        model = DockingLocation
        fields = ("id", "name", "currently_docked")


class SpaceStationEndpointSerializer(SpaceStationDetailedSerializer):
    response_mode = ConstantField("normal")
    active_expeditions = ExpeditionMiniSerializer(many=True)

    class Meta:
        model = SpaceStation
        fields = (*SpaceStationDetailedSerializer.Meta.fields, "response_mode", "active_expeditions")


class SpaceStationDetailedEndpointSerializer(SpaceStationEndpointSerializer):
    response_mode = ConstantField("detailed")
    docking_location = DockingLocationSerializerForSpacestation(many=True, source="docking_locations")
    active_docking_events = DockingEventForChaserNormalSerializer(many=True)

    class Meta:
        model = SpaceStation
        fields = (
            *SpaceStationEndpointSerializer.Meta.fields,
            "height",
            "width",
            "mass",
            "volume",
            "onboard_crew",
            "docked_vehicles",
            "docking_location",
            "active_docking_events",
        )
