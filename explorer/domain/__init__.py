"""Domain layer: pure types and rules (records, taxonomy, RAG, funding status, formulas)."""
