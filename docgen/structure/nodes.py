"""Stage 3 (structure): the partition of the normalised text into :class:`docgen.model.Node` leaves.

Consumes the offsets found by the parsers (markers: where a kind of text begins) and the edit-note
spans; produces nodes that are contiguous, sorted and cover ``[0, len(text))`` exactly, so every
character belongs to exactly one node.
"""

from __future__ import annotations

from ..model import EditNote, Node

__all__ = ["Markers"]

_RESUME, _STRUCT, _NOTE = 0, 1, 2


class Markers:
    """Collects ``(offset, kind, ref)`` markers; a node runs from its marker to the next one."""

    def __init__(self, length: int) -> None:
        self.length = length
        self._m: dict[int, tuple[int, int, str, str]] = {}
        self._seq = 0

    def add(self, offset: int, kind: str, ref: str = "", priority: int = _STRUCT) -> None:
        if offset < 0 or offset >= self.length:
            return
        self._seq += 1
        old = self._m.get(offset)
        if old is None or (priority, self._seq) >= (old[0], old[1]):
            self._m[offset] = (priority, self._seq, kind, ref)

    def _at(self, offset: int) -> tuple[str, str]:
        best = None
        for off in self._m:
            if off <= offset and (best is None or off > best):
                best = off
        if best is None:
            return "other", ""
        _, _, kind, ref = self._m[best]
        return kind, ref

    def add_notes(self, notes: list[EditNote]) -> None:
        """Edit notes become their own nodes; the enclosing kind resumes after each note."""
        for n in sorted(notes, key=lambda n: n.start):
            kind, ref = self._at(n.start)
            if kind == "edit_note":
                continue
            self.add(n.start, "edit_note", ref, _NOTE)
            nxt = [o for o in self._m if n.start < o <= n.end]
            if not nxt:
                self.add(n.end, kind, ref, _RESUME)

    def nodes(self) -> tuple[Node, ...]:
        if self.length == 0:
            return ()
        if 0 not in self._m:
            self._m[0] = (_RESUME, 0, "other", "")
        offs = sorted(self._m)
        out: list[Node] = []
        for k, off in enumerate(offs):
            end = offs[k + 1] if k + 1 < len(offs) else self.length
            _, _, kind, ref = self._m[off]
            if out and out[-1].kind == kind and out[-1].ref == ref:
                out[-1] = Node(kind, out[-1].start, end, ref)
            else:
                out.append(Node(kind, off, end, ref))
        return tuple(out)
