-- destroy_user: deletes every session of user ARGV[7] ("log out everywhere") through the
-- user's index, without scanning the others; returns how many were still there.
local index = user_key(ARGV[7])
local gone = 0
for _, id in ipairs(redis.call('ZRANGE', index, 0, -1)) do
  gone = gone + forget(id)
end
redis.call('DEL', index)
return gone
