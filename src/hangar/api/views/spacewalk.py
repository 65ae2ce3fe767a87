"""The spacewalks endpoint."""

from hangar.api.filters.spacewalk import SpacewalkFilterSet
from hangar.api.serializers.spacewalk import SpacewalkListSerializer
from hangar.api.serializers.spacewalk_endpoint import (
    SpacewalkEndpointDetailedSerializer,
    SpacewalkEndpointNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Spacewalk


class SpacewalkViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/spacewalks/?mode=list](./?mode=list)

    #### Filters
    Parameters - `astronaut__ids`, `day`, `end`, `end__gt`, `end__gte`, `end__lt`, `end__lte`,
    `event__ids`, `id`, `ids`, `launch__ids`, `month`, `name`, `name__contains`, `owner__ids`,
    `program__ids`, `program__name`, `program__name__contains`, `spacestation__ids`, `start__gt`,
    `start__gte`, `start__lt`, `start__lte`, `year`

    Example - [/spacewalks/?program__name=Apollo](./?program__name=Apollo)

    #### Search
    Fields searched - `crew__astronaut__name`, `location`, `name`, `program__name`

    Example - [/spacewalks/?search=Hubble](./?search=Hubble)

    #### Ordering
    Fields - `duration`, `end`, `id`, `name`, `start`

    Example - [/spacewalks/?ordering=-duration](./?ordering=-duration)
    """

    queryset = Spacewalk.objects.all()
    modes = {
        "list": SpacewalkListSerializer,
        "normal": SpacewalkEndpointNormalSerializer,
        "detailed": SpacewalkEndpointDetailedSerializer,
    }
    filterset_class = SpacewalkFilterSet
    search_fields = ("crew__astronaut__name", "location", "name", "program__name")
    ordering_fields = ("duration", "end", "id", "name", "start")
    ordering = ("start",)
