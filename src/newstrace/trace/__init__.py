"""Trace: how stories spread through a corpus and how their claims changed on the way.

Stages, in order: :mod:`~newstrace.trace.fingerprint` (what is compared),
:mod:`~newstrace.trace.citations` (who credits whom), :mod:`~newstrace.trace.copies`,
:mod:`~newstrace.trace.stories`, :mod:`~newstrace.trace.origin`,
:mod:`~newstrace.trace.align` (which version retold which, claim families) and
:mod:`~newstrace.trace.drift`; :mod:`~newstrace.trace.corpus` runs them over a corpus.
"""
