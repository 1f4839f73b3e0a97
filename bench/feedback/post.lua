-- wrk script: POSTs valid feedback to /api/v1/services/<KEY>/feedback (KEY from the environment) and counts the
-- answers by status, so that "accepted/s" counts 202s only.
-- Usage: KEY=some-service wrk -t2 -c64 -d20s --latency -s bench/feedback/post.lua http://127.0.0.1:PORT
local key = os.getenv("KEY") or "bench"
local reasons = { '"easy-to-understand"', '"fast"', '"took-too-long"', '"hard-to-find"' }
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  n = 0
end

function request()
  n = n + 1
  local rating = (n % 5) + 1
  local body = '{"rating":' .. rating .. ',"taskCompleted":"' .. ((n % 3 == 0) and "no" or "yes") ..
    '","reasons":[' .. reasons[(n % 4) + 1] .. '],"comment":"Bench comment ' .. (n % 97) ..
    '","language":"ja","pagePath":"/apply/step-' .. (n % 7) .. '"}'
  return wrk.format("POST", "/api/v1/services/" .. key .. "/feedback", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, count in pairs(s) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local seconds = summary.duration / 1e6
  for status, count in pairs(totals) do
    io.write(string.format("status %d: %d (%.1f/s)\n", status, count, count / seconds))
  end
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
