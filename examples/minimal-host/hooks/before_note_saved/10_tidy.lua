-- Trims a note's text, and refuses notes that look like they hold a password.
hook = { name = "Tidy notes", api_version = 1 }

function execute(event)
  local text = event.note.text
  if string.find(string.lower(text), "password") then
    return { halt = true, message = "notes must not hold passwords" }
  end
  return { changes = { note = { text = (text:gsub("^%s+", ""):gsub("%s+$", "")) } } }
end
