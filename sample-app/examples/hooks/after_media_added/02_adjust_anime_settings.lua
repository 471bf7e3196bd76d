-- The seed's example (hooks design, section 9.3), verbatim below this header.
-- Event: after_media_added. When a TV show with "anime" (or "attack on titan") in its title is
-- added, sets its quality profile, preferred release groups and search settings. The app stores
-- the changes. Try it: media add --type tv_show --title "Attack on Titan" --year 2013

function execute(event, context)
  local media = event.media_item

  if media.type ~= "tv_show" then
    return {modified = false}
  end

  local title_lower = string.lower(media.title)
  local is_anime = string.find(title_lower, "anime") ~= nil
                or string.find(title_lower, "attack on titan") ~= nil

  if not is_anime then
    return {modified = false}
  end

  log.info("Detected anime TV show: " .. media.title)

  return {
    modified = true,
    changes = {
      media_item = {
        quality_profile = "Anime 1080p",
        preferred_release_groups = {"SubsPlease", "Erai-raws", "HorribleSubs"},
        search_settings = {
          prefer_subbed = true,
          exclude_dubbed = true
        }
      }
    },
    message = "Applied anime-specific settings"
  }
end
