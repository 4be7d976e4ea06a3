-- GET /api/parent/threads/{id}/messages as the thread's parent: the newest page (targets: token threadId).
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
  return wrk.format("GET", "/api/parent/threads/" .. r[2] .. "/messages", { ["Authorization"] = "Bearer " .. r[1] })
end
