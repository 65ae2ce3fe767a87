"""The ``/config/`` lookups of the spacecraft domain: spacecraft statuses and configuration types."""

from hangar.api.serializers.spacecraft import SpacecraftConfigTypeSerializer, SpacecraftStatusSerializer
from hangar.api.views.base import LookupViewSet
from hangar.catalog.models import SpacecraftConfigType, SpacecraftStatus


class SpacecraftStatusViewSet(LookupViewSet):
    queryset = SpacecraftStatus.objects.all()
    serializer_class = SpacecraftStatusSerializer


class SpacecraftConfigTypeViewSet(LookupViewSet):
    queryset = SpacecraftConfigType.objects.all()
    serializer_class = SpacecraftConfigTypeSerializer
