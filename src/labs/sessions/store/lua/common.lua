-- Shared by every session script (src/labs/sessions/store/redis.rs puts it in front of each).
-- A script runs atomically: no other command runs in between, so a visit's read-modify-write
-- cannot lose an increment, whichever app instance sent it.
--
-- Keys (P is the prefix, "authlabs:"):
--   P.."session:"..id        a hash: visits, created, last_seen (ms), user, "value:"..name
--                            fields; it expires by itself when the session would
--   P.."order:anonymous"     the anonymous budget, a sorted set: id -> when it expires (ms)
--   P.."order:logged_in"     the logged-in budget, the same
--   P.."user:"..name         one user's sessions (id -> latest possible expiry), for
--                            "log out everywhere"
-- ARGV[1..6]: prefix, now, idle, absolute (ms), the anonymous and logged-in budgets.
-- Key names are built here from the prefix: fine for one Redis server, not for a Cluster.
local P = ARGV[1]
local now = tonumber(ARGV[2])
local idle = tonumber(ARGV[3])
local absolute = tonumber(ARGV[4])
local budgets = { anonymous = tonumber(ARGV[5]), logged_in = tonumber(ARGV[6]) }

local function session_key(id) return P .. 'session:' .. id end
local function order_key(kind) return P .. 'order:' .. kind end
local function user_key(name) return P .. 'user:' .. name end

local function kind_of(user)
  if user then return 'logged_in' end
  return 'anonymous'
end

-- A session dies idle after its last use or absolute after its creation, whichever is first.
local function expires_at(created, last_seen)
  return math.min(last_seen + idle, created + absolute)
end

-- Deletes a session and its index entries; 1 when it still existed.
local function forget(id)
  local key = session_key(id)
  local user = redis.call('HGET', key, 'user')
  redis.call('ZREM', order_key('anonymous'), id)
  redis.call('ZREM', order_key('logged_in'), id)
  if user then redis.call('ZREM', user_key(user), id) end
  return redis.call('DEL', key)
end

-- The live session's fields, or nil; an expired one is forgotten on the way (key expiry has
-- millisecond precision, this check makes the rule exact).
local function live(id)
  local fields = redis.call('HGETALL', session_key(id))
  if #fields == 0 then
    forget(id)
    return nil
  end
  local s = {}
  for i = 1, #fields, 2 do s[fields[i]] = fields[i + 1] end
  s.created = tonumber(s.created)
  s.last_seen = tonumber(s.last_seen)
  if now >= expires_at(s.created, s.last_seen) then
    forget(id)
    return nil
  end
  return s
end

-- Makes room for one more session of `kind`: the one closest to expiry goes first.
local function make_room(kind)
  local order = order_key(kind)
  while redis.call('ZCARD', order) >= budgets[kind] do
    local oldest = redis.call('ZPOPMIN', order)
    if #oldest == 0 then break end
    forget(oldest[1])
  end
end

-- Marks the session used now: its expiry moves, in the key and in its budget's order.
local function touch(id, s)
  local key = session_key(id)
  local at = expires_at(s.created, now)
  redis.call('HSET', key, 'last_seen', now)
  redis.call('PEXPIRE', key, at - now)
  redis.call('ZADD', order_key(kind_of(s.user)), at, id)
  if s.user then
    local index = user_key(s.user)
    redis.call('ZADD', index, s.created + absolute, id)
    redis.call('ZREMRANGEBYSCORE', index, '-inf', now)
    redis.call('PEXPIRE', index, absolute)
  end
end

-- Writes a new session (room already made) and touches it.
local function save(id, visits, user, created)
  local s = { created = created, user = user }
  redis.call('HSET', session_key(id), 'visits', visits, 'created', created)
  if user then redis.call('HSET', session_key(id), 'user', user) end
  touch(id, s)
end
