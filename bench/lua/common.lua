-- Shared by the wrk scripts: loads the request targets that run.sh wrote (one per line, fields separated by
-- spaces, the first field a bearer token), picks one per request, and prints a machine-readable summary.
local common = {}

function common.load(path)
  local rows = {}
  for line in io.lines(path) do
    local fields = {}
    for f in line:gmatch("%S+") do fields[#fields + 1] = f end
    if #fields > 0 then rows[#rows + 1] = fields end
  end
  assert(#rows > 0, "no targets in " .. path)
  return rows
end

-- wrk calls setup() per thread before it starts; each thread gets its own random stream.
local counter = 0
function common.setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end

function common.seed()
  math.randomseed(os.time() + (thread_no or 0) * 7919)
end

-- One line of JSON after wrk's own report: run.sh reads it. Latencies in microseconds.
function common.done(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'BENCH {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end

return common
