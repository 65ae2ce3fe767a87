"""Start-up validation of every endpoint's declarations, as Django system checks (``hangar check``).

A viewset says which serializer answers each mode; everything else is derived from the serializers
(``api.loading``, ``api.fast``). These checks derive it all once, when the server or any ``hangar``
command starts, so a serializer whose sources do not exist, a mode map that names no serializer or a
``LIST_ORDERS`` entry that names no field is an error before the first request rather than a 500.
"""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist, FieldError
from rest_framework import serializers

from hangar.api.fast.encoder import why_not_encodable
from hangar.api.loading import LIST_ORDERS, loading_plan, nested_fields


def _routes():
    from hangar.api.urls import router

    for prefix, viewset, _ in router.registry:
        yield prefix, viewset


def _mode_serializers(prefix, viewset, errors):
    modes = getattr(viewset, "modes", None)
    if modes is None:
        serializer_class = getattr(viewset, "serializer_class", None)
        if serializer_class is None:
            errors.append(checks.Error(f"/{prefix}/: no serializer_class", obj=viewset, id="hangar.E001"))
            return {}
        return {None: serializer_class}
    if not modes:
        errors.append(checks.Error(f"/{prefix}/: modes is empty", obj=viewset, id="hangar.E001"))
    for name, serializer_class in modes.items():
        if not (
            isinstance(serializer_class, type) and issubclass(serializer_class, serializers.ModelSerializer)
        ):
            errors.append(
                checks.Error(
                    f"/{prefix}/: mode {name!r} is not a ModelSerializer", obj=viewset, id="hangar.E001"
                )
            )
    for attr in ("list_mode", "detail_mode"):
        if attr == "list_mode" and not hasattr(viewset, "list"):
            continue
        if getattr(viewset, attr) not in modes:
            errors.append(
                checks.Error(
                    f"/{prefix}/: {attr} {getattr(viewset, attr)!r} is not in modes",
                    obj=viewset,
                    id="hangar.E001",
                )
            )
    return {
        name: s
        for name, s in modes.items()
        if isinstance(s, type) and issubclass(s, serializers.ModelSerializer)
    }


def _reachable(serializer_class, found: dict) -> None:
    """Every serializer class nested in ``serializer_class`` (itself included), by class name."""
    if serializer_class.__name__ in found:
        return
    found[serializer_class.__name__] = serializer_class
    for _, _, child, _ in nested_fields(serializer_class):
        if child is not None:
            _reachable(child, found)


@checks.register("hangar")
def check_endpoints(app_configs=None, **kwargs):
    errors = []
    reachable: dict = {}
    for prefix, viewset in _routes():
        for mode, serializer_class in _mode_serializers(prefix, viewset, errors).items():
            where = f"/{prefix}/" + (f" mode {mode!r}" if mode else "")
            try:
                loading_plan(serializer_class)
                _reachable(serializer_class, reachable)
            except (FieldDoesNotExist, FieldError, ValueError, AttributeError) as exc:
                errors.append(
                    checks.Error(
                        f"{where}: {serializer_class.__name__}: {exc}", obj=viewset, id="hangar.E002"
                    )
                )
                continue
            reason = why_not_encodable(serializer_class)
            if reason and getattr(viewset, "fast_path", False):
                errors.append(
                    checks.Warning(
                        f"{where}: {serializer_class.__name__} takes DRF's path: {reason}",
                        obj=viewset,
                        id="hangar.W001",
                    )
                )
    for class_name, field_name in LIST_ORDERS:
        serializer_class = reachable.get(class_name)
        field = serializer_class().fields.get(field_name) if serializer_class else None
        if not isinstance(field, serializers.ListSerializer):
            errors.append(
                checks.Error(
                    f"LIST_ORDERS names {class_name}.{field_name}, which no endpoint serves as a list",
                    id="hangar.E003",
                )
            )
    return errors
