"""The training recipes that ``make train`` runs: one module a model family.

``python -m newstrace.training.attribution`` (PolNeAR), ``newstrace.training.certainty``
(certainty, and the eval-only factuality, weasel and strength models) and
``newstrace.training.checkworthy`` (CheckThat! 2024) rebuild the packaged artefacts from
``../shared/datasets``, seeded. They sit on top of everything: they may import the runtime
packages and :mod:`newstrace.eval` (dataset readers, metrics), and nothing at run time (nor
``newstrace eval``) imports them.
"""
