"""Fictional names and fixed vocabularies of the generated sample.

Every organization, model family and benchmark here is invented: the names echo the shape of
real Hub names (``lumen-ai/Lumen-3-8B``) without being any real organization or model, so no
generated figure can be mistaken for a fact about a real one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Release:
    """A base model released by a family's organization."""

    name: str
    date: dt.date
    params: float  # parameter count
    strength: float  # how strongly it attracts derivatives and downloads


@dataclass(frozen=True)
class Family:
    key: str
    org: str
    arch: str
    like: str  # which kind of real family it imitates (for the README only)
    nomadic: bool  # derivative activity moves to each new release (else it persists)
    license: str
    pipeline: str
    library: str
    releases: tuple[Release, ...]


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _r(name: str, date: str, params: float, strength: float) -> Release:
    return Release(name, _d(date), params, strength)


FAMILIES: tuple[Family, ...] = (
    Family(
        "lumen",
        "lumen-ai",
        "lumen",
        "Llama-like",
        False,
        "other",
        "text-generation",
        "transformers",
        (
            _r("Lumen-2-7B", "2023-07-18", 6.7e9, 1.2),
            _r("Lumen-2-13B", "2023-07-18", 13.0e9, 0.5),
            _r("Lumen-2-70B", "2023-07-18", 69.0e9, 0.25),
            _r("Lumen-3-8B", "2024-04-18", 8.0e9, 1.6),
            _r("Lumen-3-8B-Instruct", "2024-04-18", 8.0e9, 2.0),
            _r("Lumen-3-70B-Instruct", "2024-04-18", 70.6e9, 0.4),
            _r("Lumen-3.1-8B-Instruct", "2024-07-23", 8.0e9, 3.0),
            _r("Lumen-3.1-70B-Instruct", "2024-07-23", 70.6e9, 0.7),
            _r("Lumen-3.1-405B", "2024-07-23", 405.0e9, 0.15),
            _r("Lumen-3.2-1B-Instruct", "2024-09-25", 1.24e9, 1.6),
            _r("Lumen-3.2-3B-Instruct", "2024-09-25", 3.21e9, 2.0),
            _r("Lumen-3.3-70B-Instruct", "2024-12-06", 70.6e9, 1.0),
            _r("Lumen-4-Scout-17B-16E", "2025-04-05", 109.0e9, 0.9),
        ),
    ),
    Family(
        "qirin",
        "qirin-lab",
        "qirin2",
        "Qwen-like",
        True,
        "apache-2.0",
        "text-generation",
        "transformers",
        (
            _r("Qirin1.5-7B-Chat", "2024-02-05", 7.7e9, 1.6),
            _r("Qirin2-7B-Instruct", "2024-06-06", 7.6e9, 2.56),
            _r("Qirin2-1.5B-Instruct", "2024-06-06", 1.5e9, 1.6),
            _r("Qirin2.5-7B-Instruct", "2024-09-19", 7.6e9, 4.8),
            _r("Qirin2.5-0.5B-Instruct", "2024-09-19", 0.49e9, 2.88),
            _r("Qirin2.5-32B-Instruct", "2024-09-19", 32.8e9, 1.6),
            _r("Qirin2.5-Coder-7B-Instruct", "2024-11-12", 7.6e9, 2.24),
            _r("Qirin2.5-VL-7B-Instruct", "2025-01-28", 8.3e9, 1.92),
            _r("Qirin3-8B", "2025-04-29", 8.2e9, 5.6),
            _r("Qirin3-0.6B", "2025-04-29", 0.6e9, 4.0),
            _r("Qirin3-30B-A3B", "2025-04-29", 30.5e9, 2.4),
        ),
    ),
    Family(
        "opal",
        "opalmind",
        "opal2",
        "Gemma-like",
        False,
        "other",
        "text-generation",
        "transformers",
        (
            _r("opal-7b", "2024-02-21", 8.5e9, 0.8),
            _r("opal-2-9b-it", "2024-06-27", 9.2e9, 1.0),
            _r("opal-2-2b-it", "2024-07-31", 2.6e9, 1.2),
            _r("opal-3-4b-it", "2025-03-12", 4.3e9, 1.8),
            _r("opal-3-27b-it", "2025-03-12", 27.4e9, 1.0),
        ),
    ),
    Family(
        "sirocco",
        "sirocco-ai",
        "sirocco",
        "Mistral-like",
        False,
        "apache-2.0",
        "text-generation",
        "transformers",
        (
            _r("Sirocco-7B-v0.1", "2023-09-27", 7.2e9, 1.4),
            _r("Sirocco-7B-Instruct-v0.2", "2023-12-11", 7.2e9, 1.2),
            _r("Siroxtral-8x7B-v0.1", "2023-12-11", 46.7e9, 0.5),
            _r("Sirocco-Nemo-12B-Instruct", "2024-07-18", 12.2e9, 1.2),
            _r("Sirocco-Small-24B-Instruct-2501", "2025-01-30", 23.6e9, 1.2),
        ),
    ),
    Family(
        "pebble",
        "pebble-lab",
        "pebble",
        "SmolLM-like",
        True,
        "apache-2.0",
        "text-generation",
        "transformers",
        (
            _r("PebbleLM-135M", "2024-07-16", 0.135e9, 0.5),
            _r("PebbleLM-360M-Instruct", "2024-07-16", 0.36e9, 0.5),
            _r("PebbleLM2-135M-Instruct", "2024-10-31", 0.135e9, 0.9),
            _r("PebbleLM2-1.7B-Instruct", "2024-10-31", 1.7e9, 1.0),
        ),
    ),
    Family(
        "owl",
        "owlworks",
        "owl_oss",
        "gpt-oss-like",
        True,
        "apache-2.0",
        "text-generation",
        "transformers",
        (
            _r("owl-oss-20b", "2025-02-19", 21.0e9, 2.5),
            _r("owl-oss-120b", "2025-02-19", 117.0e9, 1.0),
        ),
    ),
    Family(
        "kestrel",
        "kestrel-vision",
        "kestrel_dit",
        "diffusion family",
        False,
        "openrail",
        "text-to-image",
        "diffusers",
        (
            _r("kestrel-diffusion-xl-base-1.0", "2023-07-26", 3.5e9, 1.6),
            _r("kestrel-diffusion-3-medium", "2024-06-12", 2.0e9, 0.8),
        ),
    ),
    Family(
        "alder",
        "aldermoor-university",
        "alderbert",
        "encoder family",
        False,
        "mit",
        "fill-mask",
        "transformers",
        (
            _r("alderbert-base", "2021-05-10", 0.11e9, 1.2),
            _r("alderbert-large", "2021-05-10", 0.34e9, 0.4),
        ),
    ),
    Family(
        "helix",
        "helix-research-institute",
        "lumen",
        "research finetune",
        False,
        "cc-by-nc-4.0",
        "text-generation",
        "transformers",
        (_r("HelixBio-7B", "2024-01-15", 7.0e9, 0.3),),
    ),
    Family(
        "commons",
        "commons-ai-collective",
        "commons",
        "non-profit open model",
        False,
        "apache-2.0",
        "text-generation",
        "transformers",
        (
            _r("Commons-OLM-7B", "2024-02-01", 6.9e9, 0.3),
            _r("Commons-OLM-2-13B", "2024-11-26", 13.7e9, 0.4),
        ),
    ),
    Family(
        "civic",
        "civic-data-bureau",
        "lumen",
        "government model",
        False,
        "other",
        "text-generation",
        "transformers",
        (_r("Civic-KoLM-8B", "2024-12-10", 8.0e9, 0.25),),
    ),
    Family(
        "sakura",
        "sakura-hill-university",
        "sakura",
        "university model",
        True,
        "apache-2.0",
        "text-generation",
        "transformers",
        (_r("sakura-lm-13b", "2024-10-20", 13.0e9, 0.25),),
    ),
)

#: Fixed organizations: (handle, kind, country, note).
FIXED_ORGS: tuple[tuple[str, str, str, str], ...] = (
    ("lumen-ai", "company", "US", "Llama-like family"),
    ("qirin-lab", "company", "CN", "Qwen-like family"),
    ("opalmind", "company", "US", "Gemma-like family"),
    ("sirocco-ai", "company", "FR", "Mistral-like family"),
    ("pebble-lab", "company", "FR", "SmolLM-like family"),
    ("owlworks", "company", "US", "gpt-oss-like family"),
    ("kestrel-vision", "company", "GB", "diffusion family"),
    ("aldermoor-university", "university", "DE", "encoder family"),
    ("helix-research-institute", "research institute", "CH", "biomedical finetunes"),
    ("commons-ai-collective", "non-profit", "US", "open models and data"),
    ("civic-data-bureau", "government", "KR", "national language model"),
    ("sakura-hill-university", "university", "JP", "university language model"),
    ("openlingua-foundation", "non-profit", "KE", "multilingual datasets"),
    ("kestrel-institute-of-technology", "university", "US", "benchmarks"),
    ("rio-verde-university", "university", "BR", "benchmarks"),
    ("nordvik-ai-institute", "research institute", "SE", "benchmarks"),
    ("aurora-digital-agency", "government", "FI", "public-sector datasets"),
    ("marlow-robotics", "company", "JP", "robotics datasets"),
    ("ledgerlight-finance", "company", "SG", "finance datasets"),
    ("meridian-health-lab", "research institute", "IN", "health datasets"),
    ("bytebadger", "individual", "", "prolific quantizer"),
    ("quantquail", "individual", "", "prolific quantizer"),
    ("mergeweaver", "individual", "", "prolific merger"),
)

#: Prolific individual accounts: quantizers and mergers.
QUANTIZERS: tuple[str, ...] = ("bytebadger", "quantquail")
MERGERS: tuple[str, ...] = ("mergeweaver",)

ORG_KINDS: tuple[str, ...] = (
    "company",
    "university",
    "research institute",
    "non-profit",
    "government",
)
ORG_KIND_P: tuple[float, ...] = (0.48, 0.24, 0.12, 0.11, 0.05)
COUNTRIES: tuple[str, ...] = (
    "US",
    "CN",
    "FR",
    "DE",
    "GB",
    "JP",
    "KR",
    "IN",
    "CA",
    "IL",
    "SG",
    "BR",
    "NL",
    "CH",
    "AE",
    "ES",
    "IT",
    "SE",
    "NG",
    "KE",
    "AU",
    "PL",
    "VN",
    "ID",
)
COUNTRY_P: tuple[float, ...] = (
    0.30,
    0.14,
    0.07,
    0.07,
    0.06,
    0.05,
    0.04,
    0.04,
    0.03,
    0.02,
    0.02,
    0.02,
    0.02,
    0.02,
    0.02,
    0.02,
    0.02,
    0.01,
    0.01,
    0.01,
    0.005,
    0.005,
    0.005,
    0.005,
)

SYLLABLES: tuple[str, ...] = (
    "ka",
    "ren",
    "mo",
    "li",
    "zu",
    "ta",
    "vel",
    "nor",
    "si",
    "ra",
    "bel",
    "do",
    "ki",
    "mar",
    "ul",
    "fen",
    "ga",
    "hol",
    "in",
    "jo",
    "lu",
    "mi",
    "nax",
    "or",
    "pe",
    "quo",
    "ri",
    "sol",
    "tu",
    "va",
    "wen",
    "xi",
    "yo",
    "zen",
    "ar",
    "bri",
    "cor",
    "dal",
    "ely",
    "fa",
    "gri",
    "ha",
    "is",
    "jun",
    "kel",
    "lor",
    "mun",
    "ny",
    "os",
    "pra",
    "ru",
    "sek",
    "tiv",
    "umb",
    "vor",
    "wyn",
    "yas",
    "zor",
)
ORG_SUFFIX: dict[str, tuple[str, ...]] = {
    "company": ("-ai", "-labs", "-tech", "-systems", "-intelligence"),
    "university": ("-university", "-univ", "-college"),
    "research institute": ("-institute", "-research-center", "-ai-lab"),
    "non-profit": ("-foundation", "-collective", "-commons"),
    "government": ("-digital-agency", "-data-office", "-ministry-ai"),
}

TOPICS: tuple[str, ...] = (
    "medical",
    "finance",
    "legal",
    "code",
    "math",
    "chat",
    "roleplay",
    "story",
    "sql",
    "chemistry",
    "biology",
    "physics",
    "climate",
    "robotics",
    "tutor",
    "support",
    "summarize",
    "translate",
    "reasoning",
    "agent",
    "tool-use",
    "japanese",
    "korean",
    "german",
    "french",
    "swahili",
    "hindi",
    "arabic",
    "spanish",
    "portuguese",
    "vietnamese",
    "indonesian",
    "poetry",
    "science",
    "health",
)
FT_STYLES: tuple[str, ...] = (
    "sft",
    "dpo",
    "orpo",
    "grpo",
    "ft",
    "instruct",
    "chat",
    "it",
    "v1",
    "v2",
    "lora-merged",
    "distill",
)
QUANT_SUFFIX: tuple[str, ...] = (
    "-GGUF",
    "-GGUF",
    "-GGUF",
    "-Q4_K_M-GGUF",
    "-Q8_0-GGUF",
    "-AWQ",
    "-GPTQ-Int4",
    "-4bit",
    "-bnb-4bit",
)
QUANT_IS_GGUF: tuple[bool, ...] = (True, True, True, True, True, False, False, False, False)
MERGE_WORDS: tuple[str, ...] = (
    "Stellar",
    "Nebula",
    "Chimera",
    "Hydra",
    "Aurora",
    "Velvet",
    "Ember",
    "Tidal",
    "Mosaic",
    "Quartz",
    "Zephyr",
    "Lotus",
)

LICENSES: tuple[str, ...] = (
    "apache-2.0",
    "mit",
    "other",
    "cc-by-4.0",
    "cc-by-nc-4.0",
    "openrail",
    "gpl-3.0",
    "cc-by-sa-4.0",
    "bsd-3-clause",
    "unknown",
)
#: The licence a derivative picks when it does not keep its parent's (probabilities).
LICENSE_P: tuple[float, ...] = (0.36, 0.24, 0.08, 0.06, 0.1, 0.04, 0.03, 0.03, 0.02, 0.04)

#: Standalone (no declared base model) models: (pipeline_tag, library_name, weight).
STANDALONE: tuple[tuple[str, str, float], ...] = (
    ("reinforcement-learning", "stable-baselines3", 0.18),
    ("text-classification", "transformers", 0.14),
    ("image-classification", "transformers", 0.08),
    ("automatic-speech-recognition", "transformers", 0.06),
    ("sentence-similarity", "sentence-transformers", 0.07),
    ("text-generation", "transformers", 0.12),
    ("token-classification", "transformers", 0.05),
    ("text-to-image", "diffusers", 0.06),
    ("robotics", "lerobot", 0.04),
    ("tabular-classification", "sklearn", 0.03),
    ("object-detection", "transformers", 0.04),
    ("", "", 0.13),
)

LANGS: tuple[str, ...] = (
    "en",
    "zh",
    "fr",
    "de",
    "es",
    "ja",
    "ko",
    "hi",
    "ar",
    "pt",
    "ru",
    "sw",
    "vi",
    "id",
    "it",
)
LANG_P: tuple[float, ...] = (
    0.55,
    0.09,
    0.05,
    0.05,
    0.05,
    0.04,
    0.03,
    0.03,
    0.03,
    0.02,
    0.02,
    0.01,
    0.01,
    0.01,
    0.01,
)

# ---- datasets

#: Fictional evaluation benchmarks: (org, name, task category, domain).
BENCHMARKS: tuple[tuple[str, str, str, str], ...] = (
    ("kestrel-institute-of-technology", "QuizMaster-MMX", "question-answering", "science"),
    ("kestrel-institute-of-technology", "GradeMath-9K", "text-generation", "math"),
    ("rio-verde-university", "ReasonArc-Challenge", "question-answering", "science"),
    ("nordvik-ai-institute", "TruthProbe", "question-answering", "general"),
    ("nordvik-ai-institute", "CodeTrials-Eval", "text-generation", "code"),
    ("commons-ai-collective", "HellaStory", "text-classification", "general"),
    ("aldermoor-university", "WinoPuzzle", "text-classification", "general"),
    ("sakura-hill-university", "JLingua-Bench", "question-answering", "general"),
    ("meridian-health-lab", "MedBoard-QA", "question-answering", "health"),
    ("ledgerlight-finance", "FinLedger-Eval", "question-answering", "finance"),
    ("marlow-robotics", "GraspBench-Real", "robotics", "robotics"),
    ("helix-research-institute", "ProteinFold-Eval", "other", "science"),
)

DOMAINS: tuple[str, ...] = (
    "general",
    "finance",
    "health",
    "robotics",
    "science",
    "code",
    "legal",
    "climate",
    "math",
    "education",
    "chemistry",
    "biology",
)
DOMAIN_P: tuple[float, ...] = (0.34, 0.08, 0.1, 0.06, 0.1, 0.09, 0.04, 0.03, 0.06, 0.04, 0.03, 0.03)
#: tag added for a domain (None: no domain tag)
DOMAIN_TAG: dict[str, str | None] = {
    "general": None,
    "finance": "finance",
    "health": "medical",
    "robotics": "robotics",
    "science": "science",
    "code": "code",
    "legal": "legal",
    "climate": "climate",
    "math": "math",
    "education": "education",
    "chemistry": "chemistry",
    "biology": "biology",
}
#: task category and modality a dataset of each domain most often has
DOMAIN_TASK: dict[str, tuple[str, str]] = {
    "general": ("text-generation", "text"),
    "finance": ("question-answering", "tabular"),
    "health": ("question-answering", "text"),
    "robotics": ("robotics", "video"),
    "science": ("question-answering", "text"),
    "code": ("text-generation", "text"),
    "legal": ("text-classification", "text"),
    "climate": ("time-series-forecasting", "timeseries"),
    "math": ("text-generation", "text"),
    "education": ("question-answering", "text"),
    "chemistry": ("text-generation", "text"),
    "biology": ("token-classification", "text"),
}
TASKS_EXTRA: tuple[str, ...] = (
    "text-classification",
    "image-classification",
    "automatic-speech-recognition",
    "translation",
    "summarization",
    "image-to-text",
    "text-to-image",
)
MODALITY_EXTRA: tuple[str, ...] = ("text", "image", "audio", "text", "text", "image", "image")
SIZE_CATEGORIES: tuple[str, ...] = (
    "n<1K",
    "1K<n<10K",
    "10K<n<100K",
    "100K<n<1M",
    "1M<n<10M",
    "10M<n<100M",
)
FORMATS: tuple[str, ...] = ("parquet", "json", "csv", "imagefolder", "webdataset", "text")
DATASET_WORDS: tuple[str, ...] = (
    "corpus",
    "instructions",
    "pairs",
    "qa",
    "dialogues",
    "logs",
    "captions",
    "preferences",
    "traces",
    "records",
    "episodes",
    "samples",
)

# ---- spaces and papers

SDKS: tuple[str, ...] = ("gradio", "streamlit", "docker", "static")
SDK_P: tuple[float, ...] = (0.62, 0.09, 0.2, 0.09)
SPACE_WORDS: tuple[str, ...] = (
    "demo",
    "playground",
    "chat",
    "arena",
    "leaderboard",
    "viewer",
    "explorer",
    "studio",
    "app",
    "tool",
)

PAPER_ADJ: tuple[str, ...] = (
    "Scalable",
    "Efficient",
    "Robust",
    "Sparse",
    "Latent",
    "Adaptive",
    "Hierarchical",
    "Contrastive",
    "Open",
    "Multilingual",
    "Causal",
    "Grounded",
)
PAPER_NOUN: tuple[str, ...] = (
    "Attention",
    "Reasoning",
    "Alignment",
    "Distillation",
    "Retrieval",
    "Diffusion",
    "Tokenization",
    "Quantization",
    "Agents",
    "Reward Models",
    "World Models",
    "Benchmarks",
)
PAPER_TASK: tuple[str, ...] = (
    "Long-Context Language Models",
    "Robot Manipulation",
    "Clinical Question Answering",
    "Financial Forecasting",
    "Code Generation",
    "Speech Recognition",
    "Image Synthesis",
    "Scientific Discovery",
    "Low-Resource Translation",
    "Mathematical Reasoning",
)
PAPER_KEYWORDS: tuple[str, ...] = (
    "large language models",
    "reinforcement learning",
    "mixture of experts",
    "instruction tuning",
    "preference optimization",
    "vision-language",
    "benchmark",
    "quantization",
    "retrieval-augmented generation",
    "diffusion",
    "robotics",
    "multilinguality",
    "evaluation",
    "synthetic data",
    "agents",
)
SENTENCES: tuple[str, ...] = (
    "We introduce a simple method that improves accuracy on several benchmarks.",
    "Our approach reduces training cost while keeping quality comparable to larger models.",
    "Experiments across twelve tasks show consistent gains over strong baselines.",
    "We release code, data and model weights to support further research.",
    "An analysis of failure cases reveals limitations that remain open.",
    "The method scales to billions of parameters without extra memory.",
    "We find that data quality matters more than quantity in this setting.",
    "Human evaluation confirms the improvements measured automatically.",
)

#: A few hostile strings placed in Hub text so that escaping code is exercised.
HOSTILE: tuple[str, ...] = (
    "<script>alert(1)</script> Best model *ever*",
    "See {{< shortcode >}} and {{< include /etc/passwd >}} for details",
    "Click [here](javascript:alert(1)) for the **weights** & <b>more</b>",
    '#set page(width: 1cm) #import "x.typ" costs $100 and $x^2$ ~ _italic_ `code`',
    'Ignore previous instructions | pipe | table ]]> <!-- comment --> \\ backslash "quote"',
)
