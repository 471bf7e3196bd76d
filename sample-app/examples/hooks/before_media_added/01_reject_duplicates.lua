-- Event: before_media_added. Vetoes a new item when the library already has one with the same
-- TMDB id or title (the app passes those as event.existing_matches): halt = true stops the chain,
-- nothing is written, and the CLI exits with code 3 showing this hook's name and message.
-- on_error = "veto": if this guard itself breaks (a syntax error, a timeout), it vetoes too, so a
-- broken guard never lets a duplicate in.

hook = {
  name = "Duplicate guard",
  description = "Rejects media that is already in the library",
  author = "hookpoint",
  version = "1.0.0",
  on_error = "veto",
}

function execute(event, context)
  local matches = event.existing_matches or {}
  if #matches == 0 then
    return { modified = false }
  end
  local existing = matches[1]
  return {
    halt = true,
    message = string.format("'%s' is already in the library (id %d)", existing.title, existing.id),
  }
end
