"""What text the log holds and a terminal is shown: printable characters only.

A name or a note comes from a keyboard, a paste or another app's export, and ends up drawn
on a terminal (`restday status` in an SSH login banner too). A control character in it
would be a command to the terminal, not text: an escape sequence can set the window title,
clear the screen or write the clipboard (OSC 52). So text keeps no C0 or C1 control
character, no DEL and no bidirectional override: a whole escape sequence is dropped, a line
break or tab becomes a space, any other control character is dropped. Records apply this as
they are made (`storage.model.records`), so whatever enters the log by any door, and
whatever is read from an older log, is printable; output that quotes other text (an error
naming what a file held) applies it too.
"""

from __future__ import annotations

import re

# ECMA-48: CSI (ESC [ or 0x9b) parameters, intermediates, final byte; OSC, DCS, SOS, PM and
# APC (ESC ] P X ^ _ or their C1 forms) up to BEL or ST; any other ESC and what it selects.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
_BREAK = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
# C0, DEL, C1, and the bidirectional marks, embeddings, overrides and isolates
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` as the log keeps it and a terminal may be shown it (see the module)."""
    if text.isprintable():  # nearly always: then nothing to do
        return text
    return _CONTROL.sub("", _BREAK.sub(" ", _SEQUENCE.sub("", text)))
