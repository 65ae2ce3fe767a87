"""The base of Hangar's management commands: ``--help`` ends with examples, their lines kept as written.

Django's help formatter reflows every paragraph, which would run a command's examples into one line.
"""

from django.core.management.base import BaseCommand, DjangoHelpFormatter


class _KeepLinesFormatter(DjangoHelpFormatter):
    """Django's order of options, with the description and the examples printed line for line."""

    def _fill_text(self, text, width, indent):
        return "".join(indent + line for line in text.splitlines(keepends=True))


class HangarCommand(BaseCommand):
    """A command whose ``examples`` (one command a line, a comment after ``#``) end its ``--help``."""

    examples = ""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = _KeepLinesFormatter
        if self.examples:
            parser.epilog = "examples:\n" + "".join(
                f"  {line.strip()}\n" for line in self.examples.strip().splitlines()
            )
        return parser
