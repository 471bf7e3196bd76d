#!/bin/sh
# name: Announce deletions
# network: false
# Process hooks read the event from HOOK_* variables (and as JSON on stdin); what they print to stderr is logged.
echo "deleted the note '$HOOK_TITLE'" >&2
