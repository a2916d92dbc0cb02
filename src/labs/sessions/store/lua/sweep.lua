-- sweep: Redis already deleted the expired sessions' keys; this removes up to ARGV[7] of their
-- ids from the budgets' orders, so the counts are right again. Returns how many went.
local gone = 0
local limit = tonumber(ARGV[7])
for _, kind in ipairs({ 'anonymous', 'logged_in' }) do
  local order = order_key(kind)
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', order, '-inf', now, 'LIMIT', 0, limit)) do
    forget(id)
    gone = gone + 1
  end
end
return gone
