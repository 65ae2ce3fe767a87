"""The ``/config/`` lookups of the spacecraft domain: spacecraft statuses and configuration types."""

from hangar.api.serializers.spacecraft import SpacecraftConfigTypeSerializer, SpacecraftStatusSerializer
from hangar.api.views.base import LookupViewSet
from hangar.catalog.models import SpacecraftConfigType, SpacecraftStatus


class SpacecraftStatusViewSet(LookupViewSet):
    """
    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/config/spacecraft_statuses/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/config/spacecraft_statuses/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
    """

    queryset = SpacecraftStatus.objects.all()
    serializer_class = SpacecraftStatusSerializer


class SpacecraftConfigTypeViewSet(LookupViewSet):
    """
    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/config/spacecraft_configuration_types/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/config/spacecraft_configuration_types/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
    """

    queryset = SpacecraftConfigType.objects.all()
    serializer_class = SpacecraftConfigTypeSerializer
