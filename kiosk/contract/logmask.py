"""Card numbers (13 digits) and NIKs (16) out of every log line: masked to their last four digits.

They travel in paths (``/peserta/0001234567801``), bodies and the central's messages, so the
servers' access logs, the client's httpx loggers and our own messages all pass through here.
"""

from __future__ import annotations

import logging
import re

from kiosk.domain.privacy import mask_number

# Any run of ten digits or more: cards, NIKs, KKs (a phone number's tail is hidden too).
_LONG_NUMBER = re.compile(r"[0-9]{10,}")


def mask_digits(text: str) -> str:
    return _LONG_NUMBER.sub(lambda m: mask_number(m.group()), text)


class MaskNumbers(logging.Filter):
    """Masks every long run of digits in a record's message and arguments.

    Text arguments are masked in place (uvicorn's access formatter unpacks them); a record whose
    message still shows one after that (an argument that is not text, such as httpx's URL) is
    replaced by its masked, formatted message.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_digits(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask_digits(a) if isinstance(a, str) else a for a in record.args)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = mask_digits(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


MASK = MaskNumbers()
