"""newstrace's errors: one small hierarchy, each with a stable code and a hint what to do.

The CLI maps them to exit codes; batch runs record ``code`` and ``message`` per input.
"""

from __future__ import annotations


class NewstraceError(Exception):
    """Base of every error newstrace raises on purpose."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message

    def __reduce__(self):
        # errors cross process boundaries in batch runs; rebuild from the bare message
        return (self.__class__, (self.message,))


class InputError(NewstraceError):
    """The input cannot be read as an article."""

    code = "E100"
    exit_code = 2


class InputNotFoundError(InputError):
    code = "E101"


class EmptyInputError(InputError):
    code = "E102"


class BinaryInputError(InputError):
    code = "E103"


class EncodingError(InputError):
    code = "E104"


class MalformedInputError(InputError):
    """JSON, JSONL, HTML or CSV that does not parse or lacks a required field."""

    code = "E105"


class UnsupportedInputError(InputError):
    """A file type newstrace does not read (say, a .docx in a corpus folder)."""

    code = "E107"


class InputTooLargeError(InputError):
    """An input that cannot be cut down safely, such as a JSON article over the byte cap."""

    code = "E108"


class UnsupportedLanguageError(InputError):
    """The article is not in English; newstrace does not analyse it as if it were."""

    code = "E106"
    exit_code = 3


class ArtefactError(NewstraceError):
    """A trained model file is missing, or was written by an incompatible version."""

    code = "E200"
    exit_code = 4


class DataError(NewstraceError):
    """An evaluation or training data set is missing or not in the expected format."""

    code = "E300"
    exit_code = 2


class ServiceError(NewstraceError):
    """The server refuses a request for reasons of its own (access, configuration)."""

    code = "E400"
    exit_code = 2


class AccessDeniedError(ServiceError):
    """A request without the right token to a server that asks for one."""

    code = "E401"
