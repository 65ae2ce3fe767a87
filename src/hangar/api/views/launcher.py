"""Launcher configuration, launcher family and program endpoints.

Launcher configurations and families are stored only as far as spacecraft and agency responses embed
them, so they are served as detail views (every ``url`` those responses emit resolves); their list
endpoints are not offered yet. Programs are listed in both of upstream's modes.
"""

from hangar.api.serializers.launcher import (
    LauncherConfigDetailedSerializer,
    LauncherConfigFamilyDetailedSerializer,
)
from hangar.api.serializers.program import ProgramMiniSerializer, ProgramNormalSerializer
from hangar.api.views.base import ModeDetailViewSet, ModeViewSet
from hangar.catalog.models import LauncherConfig, LauncherConfigFamily, Program


class LauncherConfigViewSet(ModeDetailViewSet):
    """A launch vehicle configuration (`LauncherConfigDetailed`)."""

    queryset = LauncherConfig.objects.all()
    modes = {"detailed": LauncherConfigDetailedSerializer}


class LauncherConfigFamilyViewSet(ModeDetailViewSet):
    """A launch vehicle family (`LauncherConfigFamilyDetailed`)."""

    queryset = LauncherConfigFamily.objects.all()
    modes = {"detailed": LauncherConfigFamilyDetailedSerializer}


class ProgramViewSet(ModeViewSet):
    """
    #### Modes
    Levels of detail in the response - `list`, `normal`

    Example - [/programs/?mode=list](./?mode=list)

    #### Number of results
    Use `limit` to control the number of objects in the response (max 100)

    Example - [/programs/?limit=2](./?limit=2)

    #### Format
    Switch to JSON output - [/programs/?format=json](./?format=json)

    #### Help
    Find all the FAQs and support links on the documentation homepage - [ll.thespacedevs.com/docs](https://ll.thespacedevs.com/docs/)
    """

    queryset = Program.objects.all()
    modes = {"list": ProgramMiniSerializer, "normal": ProgramNormalSerializer}
    list_mode = detail_mode = "normal"
    # Upstream accepts `ordering` and `search` here without naming fields: ordered as the /config/
    # lists are (id or name), search ignored.
    ordering_fields = ("id", "name")
    ordering = ("id",)
