"""First-run setup as one transaction (used by the GUI wizard).

The wizard creates the installation and its administrator together. Done as
two separate calls, a refused administrator (a rule the wizard did not
foresee) would leave an installation without a login, and the wizard could
not be finished again ("already initialised"). One transaction means the
person can simply correct the field and press 完成 again.
"""

from __future__ import annotations

from desktop.services import setup_service
from models.db import database
from models.entities import User
from models.roles import ADMIN_ROLE


def initialize_with_admin(mode: str, name: str, code: str, province: str, login: str,
                          display_name: str, password: str, repeat: str) -> User:
    """Create the installation and its first administrator, or nothing at all.

    Raises:
        ValidationError: any rule of `setup_service.initialize` or
            `setup_service.create_user` is broken; nothing is written.
    """
    # Validate the password before the slow scrypt hash runs inside the write lock.
    setup_service.validate_password(password, repeat)
    with database.atomic():
        setup_service.initialize(mode, name, code, province)
        return setup_service.create_user(None, login, display_name, ADMIN_ROLE[mode],
                                         password, repeat)
