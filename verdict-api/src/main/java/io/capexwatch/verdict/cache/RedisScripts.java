package io.capexwatch.verdict.cache;

/**
 * The Lua scripts through which verdict-api reads and writes the verdicts in Redis. Each runs as one
 * atomic step on the server, so a version number always names exactly one content on every replica.
 */
final class RedisScripts {
    private RedisScripts() {
    }

    static final String STORE_VERDICTS = """
-- Stores verdicts that are newer than the ones held, then moves the version on and announces it, all in
-- one step, so a version always names one content and an older verdict never replaces a newer one.
-- KEYS: 1 verdict bodies by ticker, 2 their revisions by ticker, 3 the version counter
-- ARGV: 1 channel, 2 increment, 3 "1" to move the version on even if nothing changed,
--       then per verdict: ticker, revision (verdict id, digits), body
local function newer(revision, stored)
  if #revision ~= #stored then
    return #revision > #stored
  end
  return revision > stored
end

local changed = 0
for i = 4, #ARGV, 3 do
  local ticker, revision, body = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local stored = redis.call('HGET', KEYS[2], ticker)
  if not stored or newer(revision, stored)
      or (revision == stored and redis.call('HGET', KEYS[1], ticker) ~= body) then
    redis.call('HSET', KEYS[1], ticker, body)
    redis.call('HSET', KEYS[2], ticker, revision)
    changed = changed + 1
  end
end
if changed == 0 and ARGV[3] ~= '1' then
  return {tonumber(redis.call('GET', KEYS[3]) or '0'), 0}
end
local version = redis.call('INCRBY', KEYS[3], ARGV[2])
redis.call('PUBLISH', ARGV[1], version)
return {version, changed}
""";

    static final String STORE_STATUS = """
-- Stores a company's EDGAR status, moves the version on and announces it in one step.
-- KEYS: 1 statuses by ticker, 2 the version counter; ARGV: 1 channel, 2 ticker, 3 status JSON
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
local version = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[1], version)
return version
""";

    static final String READ_SNAPSHOT = """
-- The version and the content it names, read in one step: {version} alone when it equals the version the
-- caller already holds, else {version, verdict bodies (flat ticker/body pairs), statuses (pairs)}.
-- KEYS: 1 the version counter, 2 verdict bodies by ticker, 3 statuses by ticker; ARGV: 1 the version held
local version = tonumber(redis.call('GET', KEYS[1]) or '0')
if tostring(version) == ARGV[1] then
  return {version}
end
return {version, redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[3])}
""";
}
