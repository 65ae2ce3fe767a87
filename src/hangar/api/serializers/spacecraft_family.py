"""``SpacecraftConfigFamilyEndpointDetailed``: a family with the configurations that belong to it.

Apart from ``spacecraft.py`` because it nests configurations, which themselves nest families.
"""

from hangar.api.serializers.fields import ConstantField
from hangar.api.serializers.spacecraft import (
    SpacecraftConfigFamilyDetailedSerializer,
    SpacecraftConfigNormalSerializer,
)
from hangar.catalog.models import SpacecraftConfigFamily


class SpacecraftConfigFamilyEndpointDetailedSerializer(SpacecraftConfigFamilyDetailedSerializer):
    response_mode = ConstantField("detailed")
    spacecraft = SpacecraftConfigNormalSerializer(many=True, source="configs")

    class Meta:
        model = SpacecraftConfigFamily
        fields = (*SpacecraftConfigFamilyDetailedSerializer.Meta.fields, "spacecraft")
