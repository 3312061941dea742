"""The formats of the files restday exchanges, by the names the command line gives them: one
list each, so that the options, detection and the readers and writers agree."""

# The exports `restday import` reads, as `importing.detect` names them.
IMPORT_FORMATS = ("strong", "hevy", "fitnotes", "restday", "restday-csv")

# What `restday export` writes: everything as restday JSON, or a row per set as CSV.
EXPORT_FORMATS = ("json", "csv")
