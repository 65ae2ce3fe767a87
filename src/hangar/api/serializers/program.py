"""Program shapes: ``ProgramMini``, ``ProgramNormal``, their type and ``MissionPatch``."""

from rest_framework import serializers

from hangar.api.serializers.agency import AgencyMiniSerializer
from hangar.api.serializers.common import ImageSerializer
from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.catalog.models import MissionPatch, Program, ProgramType


class ProgramTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgramType
        fields = ("id", "name")


class MissionPatchSerializer(serializers.ModelSerializer):
    agency = AgencyMiniSerializer(allow_null=True)
    response_mode = ConstantField("normal")

    class Meta:
        model = MissionPatch
        fields = ("id", "name", "priority", "image_url", "agency", "response_mode")


class ProgramMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")
    url = ResourceURLField("program-detail")
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = Program
        fields = ("response_mode", "id", "url", "name", "image", "info_url", "wiki_url")


class ProgramNormalSerializer(ProgramMiniSerializer):
    response_mode = ConstantField("normal")
    agencies = AgencyMiniSerializer(many=True)
    mission_patches = MissionPatchSerializer(many=True)
    type = ProgramTypeSerializer()

    class Meta:
        model = Program
        fields = (
            *ProgramMiniSerializer.Meta.fields,
            "description",
            "agencies",
            "start_date",
            "end_date",
            "mission_patches",
            "type",
        )
