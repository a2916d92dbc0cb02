-- touch: reads the live session ARGV[7], marks it used, and applies ARGV[8]:
--   "get"         nothing more
--   "visit"       visits + 1, inside this script, so no increment is ever lost
--   "write_back"  visits = ARGV[9], whatever it is now: a stale copy saved back (the lesson of
--                 express's `resave`, deliberately not atomic across the two requests); the
--                 count it replaced is returned too, as the extra field `overwrote`
--   "set_value"   value field ARGV[9] = ARGV[10]
-- Returns the session's fields, or nil when it does not exist or has expired.
local id = ARGV[7]
local s = live(id)
if not s then return false end
local key = session_key(id)
local op = ARGV[8]
if op == 'visit' then
  redis.call('HINCRBY', key, 'visits', 1)
elseif op == 'write_back' then
  local overwrote = redis.call('HGET', key, 'visits') or '0'
  redis.call('HSET', key, 'visits', ARGV[9])
  touch(id, s)
  local fields = redis.call('HGETALL', key)
  table.insert(fields, 'overwrote')
  table.insert(fields, overwrote)
  return fields
elseif op == 'set_value' then
  redis.call('HSET', key, 'value:' .. ARGV[9], ARGV[10])
end
touch(id, s)
return redis.call('HGETALL', key)
