"""The declarative description of upstream objects: which keys a catalog model reads, and how.

Each catalog model has a ``Spec`` (registered under a name in ``SPECS``) listing ``Field``s. The specs
themselves live in ``ingest.resources``; the parser (``ingest.parse``) and the loader (``ingest.load``)
only interpret them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One upstream key of an object.

    ``kind`` is a scalar kind (see ``KINDS``), ``"fk"``/``"m2m"``/``"children"`` (a nested object or list
    of objects of spec ``target``), ``"reverse_fk"``/``"listed"`` (a list of objects of spec ``target``
    that point here, or merely mention this one), ``"reverse_one"`` (one such object, or null),
    ``"name_ref"`` (the name of another object of spec ``target``, as upstream writes an agency's
    ``parent``) or ``"owned"`` (a list of id-less objects
    replaced as a whole, stored with the parent in ``attr`` and their ``position``).
    """

    key: str
    kind: str
    target: str = ""
    null: bool = False
    required: bool = False
    # Needed only to store a new object: leaner upstream shapes (ProgramMini) omit it for known ones.
    on_create: bool = False
    # A foreign key whose nested object only names its target (LaunchMini as a first stage's
    # previous_flight): linked once the target is stored, until then it waits (ingest.models.PendingLink).
    mention: bool = False
    attr: str = ""  # model field name, when it differs from the key

    @property
    def name(self) -> str:
        return self.attr or self.key


def scalar(key, kind, null=False, required=False, attr="", on_create=False):
    return Field(key, kind, null=null, required=required, attr=attr, on_create=on_create)


def fk(key, target, null=False, required=False, on_create=False):
    return Field(key, "fk", target, null=null, required=required, on_create=on_create)


def mention(key, target):
    """A nullable foreign key given as a lean shape that cannot create its target (``Field.mention``)."""
    return Field(key, "fk", target, null=True, mention=True)


def m2m(key, target):
    return Field(key, "m2m", target)


def children(key, target, parent_attr):
    """A list of objects owned by this one: the stored set is replaced by the list given."""
    return Field(key, "children", target, attr=parent_attr)


def reverse_fk(key, target, attr):
    """A list of objects whose ``attr`` points back at this one (an agency's ``spacecraft_list``).

    Each listed object is imported with ``attr`` set here; objects not listed are left as they are, since
    the list may come from a store that lags (unlike ``children``, nothing is deleted).
    """
    return Field(key, "reverse_fk", target, attr=attr)


def reverse_one(key, target, attr):
    """The one object (or null) whose ``attr`` points back at this one (a landing's ``firststage``): imported
    with ``attr`` set here. Null leaves stored objects as they are, as for ``reverse_fk``."""
    return Field(key, "reverse_one", target, null=True, attr=attr)


def listed(key, target):
    """A list of objects imported for themselves; the relation is written from their side (a family's
    ``spacecraft`` are configurations whose own ``family`` list names it)."""
    return Field(key, "listed", target)


LIST_KINDS = ("m2m", "children", "reverse_fk", "listed", "owned")


def name_ref(key, target):
    return Field(key, "name_ref", target, null=True)


def owned(key, target, parent_attr):
    """A list of objects without ids (a mission's ``info_urls``): the stored list is replaced by it."""
    return Field(key, "owned", target, attr=parent_attr)


@dataclass(frozen=True)
class Spec:
    model: str  # "app_label.Model"
    fields: tuple[Field, ...]
    id_kind: str = "int"


SPECS: dict[str, Spec] = {}


def register(name: str, model: str, *fields: Field, id_kind: str = "int") -> None:
    SPECS[name] = Spec(model, tuple(fields), id_kind)
