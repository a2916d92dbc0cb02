-- Each connection waits PACE_MS between requests: a fixed offered load, well below capacity,
-- so latency measures how long a request waits for a worker, not how long the queue is.
local pace = tonumber(os.getenv("PACE_MS")) or 10
function delay()
  return pace
end
