"""OpenAPI schema generation (drf-spectacular) taught about LL2's ``mode`` parameter.

Lists answer with upstream's polymorphic page (``PaginatedPolymorphic<Name>EndpointList``: each
result is one mode's component, told apart by ``response_mode``), and ``{id}`` is typed as the model's
primary key, as the official file has them. ``tools/schema_diff.py`` lists what still differs.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer
from rest_framework.schemas.utils import get_pk_description

# Upstream's name in ``Polymorphic<Name>Endpoint`` where it is not the model's.
POLYMORPHIC_NAMES = {"SpacecraftConfig": "SpacecraftConfiguration", "Event": "Events"}


class ModeAwareAutoSchema(AutoSchema):
    """Documents ``mode`` with the values each endpoint accepts and its default for lists and details."""

    def get_override_parameters(self):
        parameters = [*super().get_override_parameters(), *self._path_id()]
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

    def get_response_serializers(self):
        modes = getattr(self.view, "modes", None)
        if not modes or getattr(self.view, "action", None) != "list" or len(modes) < 2:
            return super().get_response_serializers()
        model = self.view.queryset.model.__name__
        return PolymorphicProxySerializer(
            component_name=f"Polymorphic{POLYMORPHIC_NAMES.get(model, model)}Endpoint",
            serializers={mode: serializer for mode, serializer in modes.items()},
            resource_type_field_name="response_mode",
        )

    def _path_id(self) -> list:
        """``{id}`` as the primary key's type (the route's pattern only bounds its length)."""
        if getattr(self.view, "action", None) != "retrieve":
            return []
        model = self.view.queryset.model
        pk = model._meta.pk
        kind = OpenApiTypes.UUID if pk.get_internal_type() == "UUIDField" else OpenApiTypes.INT
        description = get_pk_description(model, pk)
        return [OpenApiParameter("id", kind, OpenApiParameter.PATH, description=description)]
