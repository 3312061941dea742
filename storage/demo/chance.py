"""The demo's one source of chance: a seeded `random.Random` that draws the records' ids too,
so that a seed gives the same log every time, ids included."""

from __future__ import annotations

import random
import uuid


class Chance(random.Random):
    def new_id(self) -> str:
        return uuid.UUID(int=self.getrandbits(128), version=4).hex
