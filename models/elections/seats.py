"""The posts an election fills and how many seats each: "vc_chair=1,vc_vice=1,vc_member=3".

Stored as text on `Election.seats` (one short column, readable in a package);
parsed here so the procedure, the candidates' 差额 check and the count read
the same numbers.
"""

from __future__ import annotations

from models.elections.records import POST_CHAIR, POST_MEMBER, POST_VICE, POSTS
from models.messages import QT_TRANSLATE_NOOP

_C = "elections"

#: Chinese names of the posts (the source text of the translation).
POST_LABELS = {
    POST_CHAIR: QT_TRANSLATE_NOOP(_C, "主任"),
    POST_VICE: QT_TRANSLATE_NOOP(_C, "副主任"),
    POST_MEMBER: QT_TRANSLATE_NOOP(_C, "委员"),
}

#: A 村民委员会 has three to seven members (组织法 2018 第六条).
MIN_MEMBERS = 3
MAX_MEMBERS = 7


class SeatsError(ValueError):
    """The seats text cannot be read."""


def parse_seats(text: str) -> dict[str, int]:
    """`{"vc_chair": 1, "vc_vice": 1, "vc_member": 3}` from the stored text, in the order of `POSTS`.

    Raises:
        SeatsError: an unknown post, a number that is not a whole number ≥ 0, or a post twice.
    """
    found: dict[str, int] = {}
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        post, sep, number = part.partition("=")
        post = post.strip()
        if not sep or post not in POSTS:
            raise SeatsError(part)
        if post in found:
            raise SeatsError(part)
        try:
            count = int(number.strip())
        except ValueError:
            raise SeatsError(part) from None
        if count < 0:
            raise SeatsError(part)
        found[post] = count
    return {post: found[post] for post in POSTS if found.get(post)}


def format_seats(seats: dict[str, int]) -> str:
    """The stored text of `seats` (posts with no seat left out), in the order of `POSTS`."""
    return ",".join(f"{post}={seats[post]}" for post in POSTS if seats.get(post))


def total_seats(seats: dict[str, int]) -> int:
    """Seats in all posts together."""
    return sum(seats.values())
