"""The ``hangar`` package as an app of its own: the composition root's commands (``hangar serve``)."""

from django.apps import AppConfig


class HangarConfig(AppConfig):
    name = "hangar"
    label = "hangar"
