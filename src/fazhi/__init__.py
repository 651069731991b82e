"""fazhi — analysis, proofreading and review of annual rule-of-law government reports."""

from .model import Finding, Indicator, Part, Report, Section
from .pipeline import analyze, analyze_many

__all__ = ["Finding", "Indicator", "Part", "Report", "Section", "analyze", "analyze_many"]
__version__ = "0.1.0"
