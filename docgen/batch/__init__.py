"""Batch stage: filled evaluation sheets for many employees (``docgen fill``).

Consumes a :class:`~docgen.catalogue_model.Catalogue` and an .xlsx/.csv of employee rows; produces DOCX sheets, summaries
and the empty input workbook. Public API: :func:`docgen.batch.run.fill_batch`,
:class:`docgen.batch.plan.FillPlan`, :func:`docgen.batch.reader.read_rows`,
:func:`docgen.batch.workbook.write_input_template`. The output folder as a transaction (lock,
journal, manifest) is :mod:`docgen.batch.folder`; the safe summaries are :mod:`docgen.batch.summary`.
"""

from __future__ import annotations
