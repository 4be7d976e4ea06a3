-- POST /api/parent/messages as one of many parents, each to a tutor of a linked student (targets: token tutorId studentId).
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
  local body = '{"tutorId":"' .. r[2] .. '","studentId":"' .. r[3] ..
      '","message":"Benchmark message from a parent about the next lesson."}'
  return wrk.format("POST", "/api/parent/messages",
      { ["Authorization"] = "Bearer " .. r[1], ["Content-Type"] = "application/json" }, body)
end
