-- wrk script: reports one JSON line; BENCH_MISS=1 makes every request miss the response cache.
-- The API ignores unknown parameters and a request with one bypasses the response cache (it is never
-- stored: api.cache.keys), so a "nocache" parameter makes every request a miss of the same page. BENCH_RANDOM_OFFSET=N
-- also picks a random offset below N per request: pages nobody asked for before.
local miss = os.getenv("BENCH_MISS") == "1"
local offsets = tonumber(os.getenv("BENCH_RANDOM_OFFSET") or "0")
local counter = 0
local threads = 0
tag = "0"

function setup(thread)
  threads = threads + 1
  thread:set("tag", tostring(os.time()) .. "t" .. threads)
end

function init(args)
  math.randomseed(os.time() + #tag * 7919)
end

function request()
  if not miss then
    return wrk.request()
  end
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  local path = wrk.path .. sep .. "nocache=" .. tag .. "-" .. counter
  if offsets > 0 then
    path = path .. "&offset=" .. math.random(0, offsets)
  end
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"errors":%d,"status_errors":%d,"p50_us":%.0f,"p99_us":%.0f}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
