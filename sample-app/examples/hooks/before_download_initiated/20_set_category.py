#!/usr/bin/env python3
# name: Category by type
# description: Sends anime to the "anime" category at high priority; everything else keeps its category
# author: hookpoint
# version: 1.0.0
# timeout_ms: 10000
#
# Event: before_download_initiated. A Python process hook: the event arrives as JSON on stdin,
# the result leaves as JSON on stdout, anything on stderr lands in the run's log.
import json
import sys

event = json.load(sys.stdin)
release = event["search_result"]
config = event["client_config"]

if release["release_group"] in ("SubsPlease", "Erai-raws", "HorribleSubs"):
    print(f"anime release {release['title']}: category anime", file=sys.stderr)
    print(json.dumps({
        "modified": True,
        "changes": {"client_config": {"category": "anime", "priority": 5}},
        "message": "routed to the anime category",
    }))
else:
    print(json.dumps({"modified": False}))
