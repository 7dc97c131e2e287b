-- wrk script of bench/hotpath.sh: recording outcomes, each connection on diagnoses of its own.
-- Run with as many threads as connections (wrk -tN -cN), so that each thread's one connection
-- waits for the answer before it records the next outcome of the same diagnosis.
-- Arguments after --: a file of "ticketId currentStepKey" lines (in-progress diagnoses) and N.
-- Each request records "nothing wrong" at the diagnosis's current step; the answer names the next
-- current step, or the diagnosis has ended (escalated after its last step) and the thread moves on
-- to its next ticket. done() prints the writes that succeeded and any other answer.

local threads = {}
local next_slot = 0

function setup(thread)
  thread:set("slot", next_slot)
  next_slot = next_slot + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  tickets = {}
  local line_number = 0
  for line in io.lines(file) do
    if line_number % count == slot then
      local id, key = line:match("^(%d+)%s+(%S+)$")
      table.insert(tickets, { id = id, key = key })
    end
    line_number = line_number + 1
  end
  at = 1
  writes = 0
  refused = 0
  ran_out = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local ticket = tickets[at]
  if ticket == nil then
    ran_out = 1
    -- No diagnosis left for this connection: a request that fails, so that wrk reports it.
    return wrk.format("POST", "/api/v1/tickets/0/diagnosis/outcomes", nil, "{}")
  end
  return wrk.format(nil, "/api/v1/tickets/" .. ticket.id .. "/diagnosis/outcomes", nil,
    '{"stepKey":"' .. ticket.key .. '","outcome":"NOTHING_WRONG"}')
end

function response(status, headers, body)
  if status ~= 200 then
    refused = refused + 1
    at = at + 1
    return
  end
  writes = writes + 1
  local key = body:match('"currentStep":{"startedAt":"[^"]*","step":{"key":"([^"]+)"')
  if key ~= nil and body:match('"status":"IN_PROGRESS"') then
    tickets[at].key = key
  else
    at = at + 1
  end
end

function done(summary, latency, requests)
  local total_writes, total_refused, out_of_tickets = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_writes = total_writes + thread:get("writes")
    total_refused = total_refused + thread:get("refused")
    out_of_tickets = out_of_tickets + thread:get("ran_out")
  end
  io.write(string.format("Outcome writes: %d\n", total_writes))
  io.write(string.format("Outcome writes/sec: %.2f\n", total_writes / (summary.duration / 1e6)))
  io.write(string.format("Refused: %d\n", total_refused))
  io.write(string.format("Connections out of diagnoses: %d\n", out_of_tickets))
end
