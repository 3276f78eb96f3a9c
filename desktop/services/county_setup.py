"""A new township installation made from its county's 入网文件, in one step (the first-run wizard).

The wizard's counterpart of `cunwu init township --setup FILE`: the
installation, its first administrator and the county pinned together, or
nothing at all (a refused password must not leave a township without a
login, nor a township that never joined the county it was enrolled by).
"""

from __future__ import annotations

from desktop.services import installation, read_models, setup_service
from desktop.sync import county_enrollment
from models.db import database
from models.entities import MODE_TOWNSHIP


def initialize_township_from_county_setup(setup: county_enrollment.CountySetupInfo, login: str, display_name: str,
                                          password: str, repeat: str) -> read_models.UserView:
    """Installation (name, code, province from the file), administrator and county, or nothing.

    Raises:
        ValidationError: a rule of `setup_service.initialize_with_admin` is broken.
        PackageRefused: the county could not be pinned; nothing is written.
    """
    with installation.changing(), database.atomic():
        user = setup_service.initialize_with_admin(
            MODE_TOWNSHIP, setup.township_name, setup.township_code, setup.province,
            login, display_name, password, repeat)
        county_enrollment.accept_county_setup(setup)
    return user
