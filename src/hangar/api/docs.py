"""OpenAPI schema generation (drf-spectacular) taught about LL2's ``mode`` parameter."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter


class ModeAwareAutoSchema(AutoSchema):
    """Documents ``mode`` with the values each endpoint accepts and its default for lists and details."""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        modes = getattr(self.view, "modes", None)
        if not modes:
            return parameters
        retrieve = getattr(self.view, "action", None) == "retrieve"
        default = self.view.detail_mode if retrieve else self.view.list_mode
        mode = OpenApiParameter(
            "mode",
            str,
            enum=list(modes),
            default=default,
            description="Level of detail in the response; anything else is a 400.",
        )
        return [*parameters, mode]
