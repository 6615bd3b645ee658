"""Errors that travel as data: a field name and a message a practitioner can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """What is wrong with one field of a request, for the page to show beside it."""

    field: str
    message: str


class InputError(ValueError):
    """Bad input from a person: one or more fields, each with what is expected."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = tuple(problems) if isinstance(problems, list) else (problems,)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @classmethod
    def one(cls, field: str, message: str) -> InputError:
        return cls(FieldProblem(field, message))

    def as_data(self) -> list[dict[str, str]]:
        return [{"field": p.field, "message": p.message} for p in self.problems]
