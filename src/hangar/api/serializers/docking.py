"""The docking events endpoint's shapes: ``DockingEventEndpointNormal`` and ``DockingEventEndpointDetailed``.

Apart from ``flight.py`` because they nest flights and stations in both roles, chaser and target.
Exactly one chaser and one target of each event is set; the other two are ``null`` (the official file
declares all six non-nullable: errata in ``tests/openapi.py`` and the README).
"""

from rest_framework import serializers

from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.api.serializers.flight import (
    DockingEventForChaserNormalSerializer,
    DockingLocationSerializer,
    PayloadFlightMiniSerializer,
    PayloadFlightNormalSerializer,
    SpacecraftFlightMiniSerializer,
    SpacecraftFlightNormalSerializer,
)
from hangar.api.serializers.station import SpaceStationMiniSerializer, SpaceStationNormalSerializer
from hangar.catalog.models import DockingEvent


class DockingEventEndpointNormalSerializer(serializers.ModelSerializer):
    url = ResourceURLField("dockingevent-detail")
    docking_location = DockingLocationSerializer()
    space_station_target = SpaceStationMiniSerializer(allow_null=True)
    flight_vehicle_target = SpacecraftFlightMiniSerializer(allow_null=True)
    payload_flight_target = PayloadFlightMiniSerializer(allow_null=True)
    response_mode = ConstantField("normal")
    flight_vehicle_chaser = SpacecraftFlightMiniSerializer(allow_null=True)
    space_station_chaser = SpaceStationMiniSerializer(allow_null=True)
    payload_flight_chaser = PayloadFlightMiniSerializer(allow_null=True)

    class Meta:
        model = DockingEvent
        # The keys a chaser's own docking list shows, then the mode and the chasers.
        fields = (
            *DockingEventForChaserNormalSerializer.Meta.fields,
            "response_mode",
            "flight_vehicle_chaser",
            "space_station_chaser",
            "payload_flight_chaser",
        )


class DockingEventEndpointDetailedSerializer(DockingEventEndpointNormalSerializer):
    response_mode = ConstantField("detailed")
    flight_vehicle_chaser = SpacecraftFlightNormalSerializer(allow_null=True)
    space_station_chaser = SpaceStationNormalSerializer(allow_null=True)
    payload_flight_chaser = PayloadFlightNormalSerializer(allow_null=True)

    class Meta:
        model = DockingEvent
        fields = DockingEventEndpointNormalSerializer.Meta.fields
