"""Spacewalk shapes: ``SpacewalkList`` and ``SpacewalkNormal`` (the one astronauts nest)."""

from rest_framework import serializers

from hangar.api.serializers.astronaut import AstronautFlightSerializer
from hangar.api.serializers.fields import ConstantField, DurationField, ResourceURLField
from hangar.catalog.models import Spacewalk


class SpacewalkListSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")
    url = ResourceURLField("spacewalk-detail")
    duration = DurationField(read_only=True, allow_null=True)

    class Meta:
        model = Spacewalk
        fields = ("response_mode", "id", "url", "name", "start", "end", "duration", "location")


class SpacewalkNormalSerializer(SpacewalkListSerializer):
    # The official file gives SpacewalkNormal the response_mode "list" too.
    crew = AstronautFlightSerializer(many=True)

    class Meta:
        model = Spacewalk
        fields = (*SpacewalkListSerializer.Meta.fields, "crew")
