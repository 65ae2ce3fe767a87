"""The ``hangar`` command: Django's management entry point with Hangar's settings preselected.

Our own commands (``serve``, ``import``, …) are ordinary management commands, so ``hangar help`` lists
them beside Django's.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangar.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["hangar", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
