-- wrk script: the ceiling, POST /bench/no-content (204, mapped only with Bench:Endpoints=true), same body size.
local body = '{"rating":4,"taskCompleted":"yes","reasons":["fast"],"comment":"Bench comment 1","language":"ja","pagePath":"/apply/step-1"}'

function request()
  return wrk.format("POST", "/bench/no-content", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
