"""newstrace's errors: one small hierarchy, each with a stable code and a hint what to do.

One code per meaning, in families: ``E0xx`` how newstrace was called, ``E1xx`` an input,
``E2xx`` models and caches, ``E3xx`` evaluation and training data, ``E4xx`` the server's
refusals. The CLI maps them to exit codes, the server to HTTP statuses; batch runs record
``code`` and ``message`` per input. docs/INPUTS.md lists every code.
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


class UsageError(NewstraceError):
    """Options that do not go together or are out of range (``--format html`` for many
    articles without ``-o``, zero jobs, an unknown engine)."""

    code = "E001"
    exit_code = 2


class TraceTooLargeError(UsageError):
    """A trace asked for in memory that is larger than ``TraceOptions.collect_limit``."""

    code = "E002"


class MissingExtraError(NewstraceError):
    """A feature whose optional dependencies are not installed (``newstrace[spark]``,
    ``newstrace[web]``, ``newstrace[postgres]``)."""

    code = "E003"
    exit_code = 4


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


class LedgerCacheError(ArtefactError):
    """A cached ledger vanished or became unreadable while a trace was reading it back."""

    code = "E201"


class DataError(NewstraceError):
    """An evaluation or training data set is missing or not in the expected format."""

    code = "E300"
    exit_code = 2


class ServiceError(NewstraceError):
    """The server refuses a request or a configuration for reasons of its own (serving
    beyond loopback without a token, an unsupported database URL)."""

    code = "E400"
    exit_code = 2


class AccessDeniedError(ServiceError):
    """A request without the right token to a server that asks for one."""

    code = "E401"


class ForbiddenRequestError(ServiceError):
    """A request refused whatever its token: a ``Host`` name the server does not answer to
    (DNS rebinding), or a form or state-changing call sent from another site."""

    code = "E403"


class TooManyAttemptsError(ServiceError):
    """A client that gave too many wrong tokens; it may try again after a wait."""

    code = "E429"


class NotFoundError(ServiceError):
    """A job, trace, story or article the store does not hold."""

    code = "E404"


class TimeLimitError(ServiceError):
    """An analysis or a job that ran past the server's time limit for it, and was stopped."""

    code = "E408"


class QuotaExceededError(ServiceError):
    """An upload that would take the store's uploads past their quota (``--upload-quota-mb``)."""

    code = "E413"


class ServerBusyError(ServiceError):
    """Every analysis worker is busy and the queue for them is full: try again shortly."""

    code = "E503"
