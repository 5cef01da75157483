-- A fixed arrival rate for wrk 4, which has none of its own (wrk2 is not packaged by Debian):
-- every request takes the next slot of a schedule of `rate` requests a second, shared by the
-- connections of one wrk thread, and waits for it. A request whose slot has already passed (every
-- connection was busy) is counted as late: the service could not keep up with the rate.
-- Usage: wrk -t1 -c64 -d30s -s paced.lua URL -- <requests per second> <wrk threads>
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
int clock_gettime(int clock, paced_timespec *time);
]]
local timespec = ffi.new("paced_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

interval = nil
next_slot = nil
late = 0

function init(args)
  local rate = tonumber(args[1] or "200")
  local thread_count = tonumber(args[2] or "1")
  interval = 1000 * thread_count / rate
end

function delay()
  local now = now_ms()
  if next_slot == nil then next_slot = now end
  local slot = next_slot
  next_slot = next_slot + interval
  local wait = slot - now
  if wait < -1 then late = late + 1 end
  if wait < 0 then return 0 end
  return math.floor(wait)
end

function done(summary, latency, requests)
  local late_total = 0
  for _, thread in ipairs(threads) do late_total = late_total + (thread:get("late") or 0) end
  local errors = summary.errors
  io.write(string.format(
    'PACED {"requests":%d,"durationUs":%d,"bytes":%d,"late":%d,"errors":%d,"status":%d,' ..
    '"p50Us":%d,"p90Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, late_total,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean))
end
