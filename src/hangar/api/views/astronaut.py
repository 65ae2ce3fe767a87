"""The astronauts endpoint (its ``/config/`` lookups are in ``api.views.config``)."""

from hangar.api.filters.astronaut import AstronautFilterSet
from hangar.api.serializers.astronaut import AstronautDetailedSerializer
from hangar.api.serializers.astronaut_endpoint import (
    AstronautEndpointDetailedSerializer,
    AstronautEndpointNormalSerializer,
)
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Astronaut


class AstronautViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/astronauts/?mode=list](./?mode=list)

    #### Filters
    Parameters - `age`, `age__gt`, `age__gte`, `age__lt`, `age__lte`, `agency_ids`, `date_of_birth`,
    `date_of_birth__gt`, `date_of_birth__gte`, `date_of_birth__lt`, `date_of_birth__lte`, `date_of_death`,
    `date_of_death__gt`, `date_of_death__gte`, `date_of_death__lt`, `date_of_death__lte`, `first_flight`,
    `first_flight__gt`, `first_flight__gte`, `first_flight__lt`, `first_flight__lte`, `flights_count`,
    `flights_count__gt`, `flights_count__gte`, `flights_count__lt`, `flights_count__lte`, `has_flown`,
    `in_space`, `is_human`, `landings_count`, `landings_count__gt`, `landings_count__gte`,
    `landings_count__lt`, `landings_count__lte`, `last_flight`, `last_flight__gt`, `last_flight__gte`,
    `last_flight__lt`, `last_flight__lte`, `nationality`, `status_ids`, `type__id`

    Example - [/astronauts/?in_space=true](./?in_space=true)

    #### Search
    Fields searched - `agency__abbrev`, `agency__name`, `name`, `nationality__nationality_name`

    Example - [/astronauts/?search=Hadfield](./?search=Hadfield)

    #### Ordering
    Fields - `age`, `date_of_birth`, `eva_time`, `flights_count`, `id`, `landings_count`, `last_flight`,
    `name`, `spacewalks_count`, `status`, `time_in_space`

    Example - [/astronauts/?ordering=-time_in_space](./?ordering=-time_in_space)
    """

    queryset = Astronaut.objects.all()
    modes = {
        "list": AstronautDetailedSerializer,
        "normal": AstronautEndpointNormalSerializer,
        "detailed": AstronautEndpointDetailedSerializer,
    }
    filterset_class = AstronautFilterSet
    search_fields = ("agency__abbrev", "agency__name", "name", "nationality__nationality_name")
    ordering_fields = (
        "age",
        "date_of_birth",
        "eva_time",
        "flights_count",
        "id",
        "landings_count",
        "last_flight",
        "name",
        "spacewalks_count",
        "status",
        "time_in_space",
    )
    ordering = ("id",)
