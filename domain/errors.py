"""Refusals of the domain: each says, in words, what was wrong.

A refusal carries its message as a template in English with named placeholders, and the
values to put in them: ``NotFoundError("No gmina with id {ref}.", ref=ref)``. ``str()`` of
the error is the English sentence; the outer layer looks the template up in the message
catalogue (the template is the msgid) to say the same in the reader's language. A value that
is a word of the model is best given as its enum member (``state=self.state``): the English
sentence shows its value, and the outer layer can name it in the reader's language.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class DomainError(Exception):
    """Raised when a command breaks a rule of the MLW registry; nothing is recorded."""

    def __init__(self, template: str = "", /, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**plain(params)) if params else template)


def plain(params: dict[str, Any]) -> dict[str, Any]:
    """The values as the English sentence shows them: an enum member by its value."""
    return {k: v.value if isinstance(v, Enum) else v for k, v in params.items()}


class InvalidInputError(DomainError):
    """Raised when a value given to a command is malformed (an identifier, a date, a name)."""

    def __init__(self, field: str, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.field = field


class NotFoundError(DomainError):
    """Raised when an id names nothing in the registry."""


class ConflictError(DomainError):
    """Raised when someone else changed the same record first; reload and try again."""


class RuleViolationError(DomainError):
    """Raised when a well-formed command is refused by a rule of the model."""


class StageOrderError(RuleViolationError):
    """Raised when a partnership would skip an MLW stage or go back."""


class ArchivedError(RuleViolationError):
    """Raised when an archived catalogue entry would be changed."""


class NotInPactError(RuleViolationError):
    """Raised when a stakeholder acts as a signatory without being one."""


class AlreadyInPactError(RuleViolationError):
    """Raised when a stakeholder who is already a signatory would join again."""


class WrongGminaError(RuleViolationError):
    """Raised when a stakeholder of one gmina is used in another gmina's partnership."""


class CommitmentClosedError(RuleViolationError):
    """Raised when a fulfilled or withdrawn commitment would change."""


class EffectiveDateError(RuleViolationError):
    """Raised when a fact would take effect before what it depends on."""


class PersonErasedError(RuleViolationError):
    """Raised when personal data of an erased person would be recorded again under its key."""


class NotTeamMemberError(RuleViolationError):
    """Raised when a stakeholder acts as a member of the Local Synergy Team without being one."""


class NotPresentError(RuleViolationError):
    """Raised when a stakeholder absent at a moment of a meeting would vote or act then."""


class AlreadyVotedError(RuleViolationError):
    """Raised when a member would vote a second time on one resolution."""


class MeetingClosedError(RuleViolationError):
    """Raised when a meeting's record is closed: not held, cancelled, or its minutes approved."""


class QuorumNotReachedError(RuleViolationError):
    """Raised when the team would decide with fewer members present than its rules require."""


class DuplicateNumberError(RuleViolationError):
    """Raised when a resolution or minutes number is already taken in that year."""


class LookalikeNameError(RuleViolationError):
    """Raised when a name reads the same as one already in the gmina's catalogue."""
