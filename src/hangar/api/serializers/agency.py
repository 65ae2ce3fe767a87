"""Agency shapes: ``AgencyMini`` (mode list) and ``AgencyNormal``."""

from rest_framework import serializers

from hangar.api.serializers.common import CountrySerializer, ImageSerializer
from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.catalog.models import Agency, AgencyType


class AgencyTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgencyType
        fields = ("id", "name")


class AgencyMiniSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("list")
    url = ResourceURLField("agency-detail")
    type = AgencyTypeSerializer()

    class Meta:
        model = Agency
        fields = ("response_mode", "id", "url", "name", "abbrev", "type")


class AgencyNormalSerializer(AgencyMiniSerializer):
    response_mode = ConstantField("normal")
    country = CountrySerializer(many=True)
    parent = serializers.CharField(source="parent.name", default=None, read_only=True, allow_null=True)
    image = ImageSerializer(allow_null=True)
    logo = ImageSerializer(allow_null=True)
    social_logo = ImageSerializer(allow_null=True)

    class Meta:
        model = Agency
        fields = (
            *AgencyMiniSerializer.Meta.fields,
            "featured",
            "country",
            "description",
            "administrator",
            "founding_year",
            "launchers",
            "spacecraft",
            "parent",
            "image",
            "logo",
            "social_logo",
        )
