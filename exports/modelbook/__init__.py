"""The model workbook: a capability model as an Excel workbook a consultant edits, and read back.

:mod:`exports.modelbook.layout` holds the sheets and columns both directions share,
:mod:`exports.modelbook.write` writes a model, :mod:`exports.modelbook.read` reads an untrusted
workbook into a model document with every problem located by sheet, row and column, after
:mod:`exports.modelbook.zipguard` has looked at the file without decompressing it. openpyxl is
imported only when a workbook is written or read.
"""
