-- Event: before_automatic_search. Appends the item's search_query_suffix and, for items that
-- exclude dubbed releases, " -dubbed", so the indexers skip dubs.

hook = { name = "Anime search tweaks", version = "1.0.0" }

function execute(event, context)
  local media = event.media_item
  local query = event.query .. (media.search_query_suffix or "")
  if media.search_settings.exclude_dubbed and not string.find(query, "-dubbed", 1, true) then
    query = query .. " -dubbed"
  end
  if query == event.query then
    return { modified = false }
  end
  return { modified = true, changes = { query = query }, message = "query: " .. query }
end
