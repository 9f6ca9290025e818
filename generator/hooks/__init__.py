"""MkDocs hooks (loaded by MkDocs from their file paths)."""
