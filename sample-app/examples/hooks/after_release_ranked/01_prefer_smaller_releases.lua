-- Event: after_release_ranked. Overrides the ranking: among releases within 10 points of the best
-- score, selects the smallest one (by changing ranking.selected_title). Shows how a hook can see
-- every result and its score breakdown.

hook = { name = "Prefer smaller releases", version = "1.0.0" }

function execute(event, context)
  local ranking = event.ranking
  if #ranking.results == 0 then
    return { modified = false }
  end
  local best = ranking.scores[1].total
  local pick = nil
  for i, release in ipairs(ranking.results) do
    if ranking.scores[i].total >= best - 10 and (pick == nil or release.size_mb < pick.size_mb) then
      pick = release
    end
  end
  if pick == nil or pick.title == ranking.selected_title then
    return { modified = false }
  end
  return {
    modified = true,
    changes = { ranking = { selected_title = pick.title } },
    message = "selected " .. pick.title .. " (" .. pick.size_mb .. " MB)",
  }
end
