#!/bin/bash
# priv/hooks/on_download_completed/01_post_process.sh
# The seed's external process hook (hooks design, section 4.4), verbatim. Event: on_download_completed.
# Reads the event from environment variables and stdin, reports on stderr, answers on stdout.
# name: Post-processor
# description: Logs each completed download

# Event data passed via environment variables
MEDIA_TITLE="$HOOK_MEDIA_TITLE"
FILE_PATH="$HOOK_FILE_PATH"
MEDIA_TYPE="$HOOK_MEDIA_TYPE"

# JSON input also available via stdin
EVENT_JSON=$(cat)

# Perform custom logic
echo "Processing: $MEDIA_TITLE" >&2

# Return JSON to stdout for result
cat <<EOT
{
  "modified": false,
  "message": "Post-processing completed"
}
EOT

exit 0
