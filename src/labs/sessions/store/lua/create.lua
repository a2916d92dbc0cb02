-- create: a new session under ARGV[7] with ARGV[8] visits, logged in as ARGV[10] when ARGV[9]
-- is "1". Nothing (nil) when the id is taken, and the caller draws another.
local id = ARGV[7]
if redis.call('EXISTS', session_key(id)) == 1 then return false end
local user = nil
if ARGV[9] == '1' then user = ARGV[10] end
make_room(kind_of(user))
save(id, tonumber(ARGV[8]), user, now)
return redis.call('HGETALL', session_key(id))
