"""The formats of the files restday exchanges, by the names the command line gives them: one
list, so that `--from` and detection agree."""

# The exports `restday import` reads, as `importing.detect` names them.
IMPORT_FORMATS = ("strong", "hevy", "fitnotes", "restday")
