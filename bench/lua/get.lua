-- A GET per request to BENCH_PATH, with {2}, {3}, … replaced by that field of a random target line (field 1 is
-- the bearer token). BENCH_ACCEPT sets the Accept header (text/html for the pages). Used by run.sh for
-- list (/api/parent/threads), open (/api/parent/threads/{2}/messages) and the pages /messages and /threads/{2}.
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua"
local common = require("common")
local rows
local path = os.getenv("BENCH_PATH")
local accept = os.getenv("BENCH_ACCEPT") or "application/json"
setup = common.setup
done = common.done

function init(args)
  common.seed()
  rows = common.load(os.getenv("BENCH_TARGETS"))
  assert(path, "BENCH_PATH is not set")
end

function request()
  local r = rows[math.random(#rows)]
  local p = path:gsub("{(%d+)}", function(i) return r[tonumber(i)] end)
  return wrk.format("GET", p, { ["Authorization"] = "Bearer " .. r[1], ["Accept"] = accept })
end
