"""Agency shapes: ``AgencyMini`` (mode list), ``AgencyNormal``, ``AgencyDetailed`` and social media links."""

from rest_framework import serializers

from hangar.api.serializers.common import CountrySerializer, ImageSerializer
from hangar.api.serializers.fields import ConstantField, ResourceURLField
from hangar.catalog.models import AGENCY_STATS, Agency, AgencyType, SocialMedia, SocialMediaLink


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


class AgencyNormalSerializer(serializers.ModelSerializer):
    response_mode = ConstantField("normal")
    url = ResourceURLField("agency-detail")
    type = AgencyTypeSerializer()
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


class SocialMediaSerializer(serializers.ModelSerializer):
    logo = ImageSerializer(allow_null=True)

    class Meta:
        model = SocialMedia
        fields = ("id", "name", "url", "logo")


class SocialMediaLinkSerializer(serializers.ModelSerializer):
    social_media = SocialMediaSerializer()

    class Meta:
        model = SocialMediaLink
        fields = ("id", "social_media", "url")


class AgencyDetailedSerializer(AgencyNormalSerializer):
    """``AgencyDetailed``: an agency nested in another resource (its ``response_mode`` is ``normal``)."""

    social_media_links = SocialMediaLinkSerializer(many=True)

    class Meta:
        model = Agency
        fields = (
            *AgencyNormalSerializer.Meta.fields,
            *AGENCY_STATS,
            "info_url",
            "wiki_url",
            "social_media_links",
        )
