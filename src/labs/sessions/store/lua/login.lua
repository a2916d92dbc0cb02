-- login: logs ARGV[9] in.
--   ARGV[10] = "regenerate": under the new id ARGV[8], carrying the visit count of the old
--     session ARGV[7] (may be ""), which is destroyed: the fixation defence. Nil when the new
--     id is taken (the caller draws another; nothing has changed yet).
--   ARGV[10] = "keep": on the old session itself, id unchanged (no fixation defence). Nil
--     when it does not exist or has expired.
local old, new, user = ARGV[7], ARGV[8], ARGV[9]
if ARGV[10] == 'keep' then
  local s = live(old)
  if not s then return false end
  redis.call('ZREM', order_key('anonymous'), old)
  redis.call('ZREM', order_key('logged_in'), old)
  if s.user then redis.call('ZREM', user_key(s.user), old) end
  make_room('logged_in')
  redis.call('HSET', session_key(old), 'user', user)
  s.user = user
  touch(old, s)
  return redis.call('HGETALL', session_key(old))
end
if redis.call('EXISTS', session_key(new)) == 1 then return false end
local visits = 0
if old ~= '' then
  local s = live(old)
  if s then visits = tonumber(s.visits) end
  forget(old)
end
make_room('logged_in')
save(new, visits, user, now)
return redis.call('HGETALL', session_key(new))
