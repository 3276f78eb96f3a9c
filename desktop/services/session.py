"""Who is acting: the logged-in user (GUI) or the command line.

Services take a `Session` and call `require()` before they write, so a role
that must not do something cannot, whatever the UI shows.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from desktop.services import installation as installation_mod
from desktop.services.installation import InstallationInfo
from models.errors import PermissionDenied
from models.messages import QT_TRANSLATE_NOOP, Message, msg
from models.roles import ADMIN_ROLE, Permission, has_permission, role_label


@dataclass(frozen=True)
class Session:
    """An actor with a role. `actor` is what the audit log records.

    `installation` is this installation as it was when the session began
    (login, or the command line's start): its mode, code and name never
    change, so services and pages read them here instead of from the
    database. The province can change under a running session (设置 →
    省份配置); read it through `installation.province()`.
    """

    actor: str
    role: str
    display_name: str = ""
    user_id: str | None = None
    installation: InstallationInfo | None = None
    #: The register's person behind this login ("" for the command line, setup, or a login not
    #: yet bound to a person): sign-offs that must come from a person (the 监委会's) check it.
    person_id: str = ""
    #: The administrator reset this login's password: the login dialog asks for a new one before
    #: the session is used (`auth_service.set_new_password` returns the session to go on with).
    must_change_password: bool = False

    def installation_info(self) -> InstallationInfo | None:
        """The installation this session began in, read now if it was made without one (tests, setup)."""
        return self.installation or installation_mod.current()

    def can(self, permission: Permission) -> bool:
        """Whether this session's role grants `permission`."""
        return has_permission(self.role, permission)

    def refusal(self) -> Message:
        """The sentence `require` refuses with: this role lacks the permission."""
        return msg("session", QT_TRANSLATE_NOOP(
            "session", "“{role}”角色没有这项权限,请用有权限的账号登录后再操作。"), role=role_label(self.role))

    def require(self, permission: Permission) -> None:
        """Raise `PermissionDenied` unless the role grants `permission`."""
        if not self.can(permission):
            raise PermissionDenied(self.refusal())


def cli_session(mode: str) -> Session:
    """The command line acts as the installation's administrator.

    Whoever can run the CLI can open the database file anyway; the audit log
    records the operating-system user so the action stays attributable.
    """
    try:
        who = getpass.getuser()
    except (OSError, KeyError):
        who = "unknown"
    return Session(actor=f"命令行:{who}", role=ADMIN_ROLE.get(mode, "admin"), display_name=who,
                   installation=installation_mod.current())


#: Used only while an installation is being created (there is no user yet).
SETUP = Session(actor="初始化", role="admin", display_name="初始化")
