"""User roles and what each may do.

Permissions are checked in the service layer (`desktop.services.session`),
so a hidden button is a convenience, never the protection.
"""

from __future__ import annotations

from enum import StrEnum

from models.entities import MODE_COUNTY, MODE_TOWNSHIP, MODE_VILLAGE
from models.messages import QT_TRANSLATE_NOOP

_C = "roles"


class Permission(StrEnum):
    """Things a user may be allowed to do."""

    VIEW = "view"
    EDIT_RECORDS = "edit_records"  # 村务 records: meetings, disclosures, rules...
    EDIT_REGISTER = "edit_register"  # the Person register and kinship links
    COMMITTEE_REVIEW = "committee_review"  # 监委会 sign-off
    MANAGE_USERS = "manage_users"
    BACKUP_RESTORE = "backup_restore"
    EXCHANGE = "exchange"  # export / import packages
    MANAGE_VILLAGES = "manage_villages"  # township: enrol villages; county: enrol townships
    REVIEW_RULES = "review_rules"  # township: 合法性审查 and 备案


#: role code -> (label, installation mode, permissions)
ROLES: dict[str, tuple[str, str, frozenset[Permission]]] = {
    "admin": (
        QT_TRANSLATE_NOOP(_C, "管理员"),
        MODE_VILLAGE,
        # Not the committee's sign-off: the 监委会 supervises whoever runs the installation
        # (desktop.services.duties).
        frozenset(Permission) - {Permission.MANAGE_VILLAGES, Permission.REVIEW_RULES, Permission.COMMITTEE_REVIEW},
    ),
    "secretary": (
        QT_TRANSLATE_NOOP(_C, "村文书/村支书"),
        MODE_VILLAGE,
        frozenset(
            {
                Permission.VIEW,
                Permission.EDIT_RECORDS,
                Permission.EDIT_REGISTER,
                Permission.EXCHANGE,
                Permission.BACKUP_RESTORE,
            }
        ),
    ),
    # 村委会主任, 副主任, 委员: they keep the village's records with the secretary and answer the
    # 监委会's matters for the 村委会 (only while their person holds the office: desktop.services.duties).
    # No EXCHANGE: packages for the township stay with the secretary and the administrator.
    "village_committee": (
        QT_TRANSLATE_NOOP(_C, "村委会成员"),
        MODE_VILLAGE,
        frozenset({Permission.VIEW, Permission.EDIT_RECORDS}),
    ),
    "committee": (
        QT_TRANSLATE_NOOP(_C, "监委会主任/委员"),
        MODE_VILLAGE,
        frozenset({Permission.VIEW, Permission.COMMITTEE_REVIEW}),
    ),
    "viewer": (QT_TRANSLATE_NOOP(_C, "只读"), MODE_VILLAGE, frozenset({Permission.VIEW})),
    "township_admin": (
        QT_TRANSLATE_NOOP(_C, "乡镇管理员"),
        MODE_TOWNSHIP,
        frozenset(Permission) - {Permission.COMMITTEE_REVIEW},
    ),
    "reviewer": (
        QT_TRANSLATE_NOOP(_C, "审核人"),
        MODE_TOWNSHIP,
        frozenset({Permission.VIEW, Permission.REVIEW_RULES}),
    ),
    "township_viewer": (QT_TRANSLATE_NOOP(_C, "只读"), MODE_TOWNSHIP, frozenset({Permission.VIEW})),
    # The county (县民政局) enrols its townships and reads their 县级汇总包: no village records, no
    # 合法性审查 (the township reviews), so neither EDIT_* nor REVIEW_RULES nor the committee's sign-off.
    "county_admin": (
        QT_TRANSLATE_NOOP(_C, "县级管理员"),
        MODE_COUNTY,
        frozenset({Permission.VIEW, Permission.MANAGE_USERS, Permission.BACKUP_RESTORE, Permission.EXCHANGE,
                   Permission.MANAGE_VILLAGES}),
    ),
    "county_staff": (
        QT_TRANSLATE_NOOP(_C, "县级工作人员"),
        MODE_COUNTY,
        frozenset({Permission.VIEW, Permission.EXCHANGE}),
    ),
    "county_viewer": (QT_TRANSLATE_NOOP(_C, "只读"), MODE_COUNTY, frozenset({Permission.VIEW})),
}

ADMIN_ROLE = {MODE_VILLAGE: "admin", MODE_TOWNSHIP: "township_admin", MODE_COUNTY: "county_admin"}


def roles_for_mode(mode: str) -> list[str]:
    """Role codes available on an installation of `mode`, in display order."""
    return [code for code, (_label, m, _perms) in ROLES.items() if m == mode]


def role_label(role: str) -> str:
    """Chinese label of a role code (the code itself when unknown)."""
    return ROLES[role][0] if role in ROLES else role


def has_permission(role: str, permission: Permission) -> bool:
    """Whether `role` grants `permission`. Unknown roles grant nothing."""
    return role in ROLES and permission in ROLES[role][2]
