-- Sends, request after request, the Cookie headers listed one per line in the file COOKIES
-- names: what a browser sent on successive reloads of the page (bench/run.py's `reloads`), so
-- the server sees the cookies each answer set (counters advanced, a token re-issued) instead
-- of one state replayed.
local states = {}
for line in io.lines(os.getenv("COOKIES")) do
  states[#states + 1] = line
end
local at = 0

request = function()
  at = at % #states + 1
  return wrk.format(nil, nil, { Cookie = states[at] })
end
