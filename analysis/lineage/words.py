"""How findings sentences name relations and counts of derivatives (our words, not Hub text)."""

from __future__ import annotations

from analysis import fmt
from analysis.schema import RELATIONS

#: Words for the relations in sentences: (singular, plural).
RELATION_WORDS: dict[str, tuple[str, str]] = {
    "finetune": ("fine-tune", "fine-tunes"),
    "quantized": ("quantization", "quantizations"),
    "adapter": ("adapter", "adapters"),
    "merge": ("merge", "merges"),
    "unknown": ("model of unstated relation", "models of unstated relation"),
}


def relation_phrase(counts: dict[str, int]) -> fmt.Formatted:
    """'12 fine-tunes, 3 quantizations and 1 merge' (relations in the schema's order)."""
    parts = []
    for r in (*RELATIONS, "unknown"):
        n = counts.get(r, 0)
        if n:
            one, many = RELATION_WORDS[r]
            parts.append(fmt.count(n, one, many))
    if not parts:
        return fmt.Formatted("none")
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return fmt.Formatted(text)


__all__ = ["RELATION_WORDS", "relation_phrase"]
