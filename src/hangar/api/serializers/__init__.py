"""Serializers, one module per resource family; each class is named for the upstream component it emits."""
