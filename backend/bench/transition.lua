-- wrk script: each wrk thread (one connection) fires ASSIGN on its own dossier with its own officer's token.
-- Arguments after "--": the dossier ids, then the tokens, in the same order.
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
end

function init(args)
  local clients = #args / 2
  dossier = args[id]
  token = args[clients + id]
end

function request()
  return wrk.format("POST", "/api/v1/dossiers/" .. dossier .. "/transitions",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"event":"ASSIGN","assignee":"thamdinh"}')
end

function response(status, headers, body)
  if status >= 300 and not reported then
    reported = true
    io.write(string.format("FIRST-ERROR %d %s\n", status, body))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("ERRORS connect=%d read=%d write=%d status=%d timeout=%d\n", e.connect, e.read, e.write,
    e.status, e.timeout))
end
