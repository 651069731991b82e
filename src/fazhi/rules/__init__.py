"""The rule catalogue: every module in this package registers its rules with `@rule`."""

from .base import REGISTRY, Hit, Rule, all_rules, rule, run_rules

__all__ = ["REGISTRY", "Hit", "Rule", "all_rules", "rule", "run_rules"]
