"""Hub Observatory: reproducible measurements of the open AI ecosystem on the Hugging Face Hub."""

__version__ = "0.1.0"
