-- GET /api/parent/threads as one of the busiest tutors: the first page of their inbox (targets: token).
package.path = package.path .. ";" .. (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua"
local common = require("common")
local rows
setup = common.setup
done = common.done

function init(args)
  common.seed()
  rows = common.load(os.getenv("BENCH_TARGETS"))
end

function request()
  local r = rows[math.random(#rows)]
  return wrk.format("GET", "/api/parent/threads", { ["Authorization"] = "Bearer " .. r[1] })
end
