"""Agency endpoints."""

from hangar.api.serializers.agency import AgencyMiniSerializer, AgencyNormalSerializer
from hangar.api.views.base import ModeViewSet
from hangar.catalog.models import Agency


class AgencyViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`, `detailed`

    Example - [/agencies/?mode=list](./?mode=list)

    #### Format
    Switch to JSON output - [/agencies/?format=json](./?format=json)
    """

    queryset = Agency.objects.all()
    modes = {"list": (AgencyMiniSerializer, "for_mini"), "normal": (AgencyNormalSerializer, "for_normal")}
    detail_mode = "normal"
    ordering_fields = ("id", "name")
    ordering = ("id",)
