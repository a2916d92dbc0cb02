-- Each thread stops after LIMIT_PER_THREAD responses: a fixed number of fresh visitors.
local limit = tonumber(os.getenv("LIMIT_PER_THREAD")) or 1000
local seen = 0
function response(status, headers, body)
  seen = seen + 1
  if seen >= limit then
    wrk.thread:stop()
  end
end
