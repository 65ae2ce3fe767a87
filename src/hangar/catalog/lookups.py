"""Text lookups that behave identically on SQLite and PostgreSQL: folded and exact ``contains``.

Django's ``icontains`` on SQLite relies on LIKE, which folds ASCII only: ``прогресс`` would not find
``Прогресс``. ``ifold`` lowers both sides with a Unicode-aware function on each database (PostgreSQL's
``LOWER`` under a UTF-8 ctype, a registered Python ``str.lower`` on SQLite) and keeps LIKE, so a trigram
index on ``LOWER(col)`` can serve it on PostgreSQL.
"""

from django.db.models import CharField, Lookup, TextField

from hangar import compat


def sqlite_lower(value):
    # str.lower() applies Unicode's full mapping, under which U+0130 (İ) alone becomes two characters
    # (i + combining dot); PostgreSQL applies the simple mapping (i). Map it first so both agree.
    # The SQLite trigram tables (catalog.search_index) store this fold and their triggers delete by it:
    # a change here needs a migration that rebuilds them.
    return value.replace("\u0130", "i").lower() if isinstance(value, str) else value


class FoldedContains(Lookup):
    lookup_name = "ifold"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [f"%{compat.like_escaped(connection, str(value))}%"]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        fold = "hangar_lower" if connection.vendor == "sqlite" else "LOWER"
        sql = f"{fold}({lhs}) LIKE {fold}({rhs}) ESCAPE '\\'"
        params = [*lhs_params, *rhs_params]
        if connection.vendor == "sqlite" and all(isinstance(p, str) and p.isascii() for p in rhs_params):
            # Calling Python for every row is most of a search's time on SQLite. For an ASCII term,
            # SQLite's own LIKE (ASCII case folding, in C) gives the same answer on text holding
            # neither U+0130 nor U+212A, the only characters that str.lower() turns into ASCII
            # (every other character lowers to one character, none of them ASCII); only text
            # holding one of those two goes to the exact Unicode test.
            sql = (
                f"CASE WHEN instr({lhs}, %s) OR instr({lhs}, %s) THEN {sql} "
                f"ELSE {lhs} LIKE {rhs} ESCAPE '\\' END"
            )
            params = [*lhs_params, "\u0130", *lhs_params, "\u212a", *params, *lhs_params, *rhs_params]
        return sql, params


CharField.register_lookup(FoldedContains)
TextField.register_lookup(FoldedContains)


class ExactContains(Lookup):
    """Case-sensitive ``contains`` that behaves the same on SQLite and PostgreSQL (LL2's ``__contains``).

    Django's ``contains`` is case-sensitive on PostgreSQL but not on SQLite, whose LIKE ignores ASCII case.
    Both databases have a plain substring search with no wildcards and no folding: ``INSTR``/``STRPOS``.
    """

    lookup_name = "scontains"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        function = "INSTR" if connection.vendor == "sqlite" else "STRPOS"
        return f"{function}({lhs}, {rhs}) > 0", [*lhs_params, *rhs_params]


CharField.register_lookup(ExactContains)
TextField.register_lookup(ExactContains)
