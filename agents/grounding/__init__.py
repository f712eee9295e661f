"""Grounding: check a reply's claims against the business's knowledge base.

The pipeline calls ``validator.validate_reply`` and ``validator.decide``; the eval harness
(``manage.py eval_grounding``, scoring in ``evaluation``) measures them on a labelled set.
The modules, in the order the data flows: ``text`` (normalise, keep spans), ``numbers``,
``schedule`` (days), ``values`` (normalised values by kind), ``scanner``, ``clock`` and
``claims`` (extraction), ``facts`` and ``topics`` (the knowledge-base side), ``validator``.
"""
