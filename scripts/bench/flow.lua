-- wrk script for `npm run bench` (scripts/bench/wrk.ts). BENCH_DATA names a Lua file returning
-- { mode = "trivial" | "good" | "bad", nonce = <number>, windows = { { code, sig }, ... } }.
--   trivial: the app's cheapest request, { __typename }.
--   good/bad: the citizen flow. Each connection scans a window's QR code (issueRatingTicket) and
--   rates with the ticket it got (submitRating): a ticket is used once, by one rating. wrk gives
--   no connection ids, so a thread keeps the tickets its answers brought in a queue, and its next
--   request spends one if there is one, else scans again.
-- Counts, per thread: accepted ratings, GraphQL errors (by code), other answers that were not 2xx.
local data = dofile(os.getenv("BENCH_DATA"))
local headers = { ["content-type"] = "application/json", ["x-wfp-csrf"] = "1" }
local good_levels = { "VERY_SATISFIED", "SATISFIED", "VERY_SATISFIED", "SATISFIED", "BASIC" }
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init()
  tickets, accepted, gql_errors, bad_status, codes, sent = {}, 0, 0, 0, {}, 0
end

local function post(body)
  return wrk.format("POST", "/graphql", headers, body)
end

local function issue()
  local w = data.windows[(sent * 7 + id) % #data.windows + 1]
  return post('{"query":"mutation($c:String!,$s:String!){issueRatingTicket(code:$c,sig:$s){ticket}}",'
    .. '"variables":{"c":"' .. w[1] .. '","s":"' .. w[2] .. '"}}')
end

local function submit(ticket)
  local level = data.mode == "bad" and "DISSATISFIED" or good_levels[sent % #good_levels + 1]
  -- A UUID unique to this run, thread and rating (the version and variant digits are fixed).
  local key = string.format("%08x-%04x-4000-8000-%012x", data.nonce, id, sent)
  return post('{"query":"mutation($i:SubmitRatingInput!){submitRating(input:$i){accepted}}",'
    .. '"variables":{"i":{"ticket":"' .. ticket .. '","level":"' .. level .. '","clientKey":"' .. key .. '"}}}')
end

function request()
  sent = sent + 1
  if data.mode == "trivial" then return post('{"query":"{ __typename }"}') end
  local ticket = table.remove(tickets)
  if ticket then return submit(ticket) end
  return issue()
end

function response(status, _, body)
  local code = body:match('"code":"([A-Z_]+)"')
  if code or body:find('"errors"', 1, true) then
    gql_errors = gql_errors + 1
    code = code or "UNCODED"
    codes[code] = (codes[code] or 0) + 1
    return
  end
  if status >= 300 then
    bad_status = bad_status + 1
    return
  end
  local ticket = body:match('"ticket":"([^"]+)"')
  if ticket then
    table.insert(tickets, ticket)
  elseif body:find('"accepted":true', 1, true) then
    accepted = accepted + 1
  end
end

function done(summary, latency)
  local total_accepted, total_errors, total_status, all_codes = 0, 0, 0, {}
  for _, t in ipairs(threads) do
    total_accepted = total_accepted + t:get("accepted")
    total_errors = total_errors + t:get("gql_errors")
    total_status = total_status + t:get("bad_status")
    for code, n in pairs(t:get("codes")) do all_codes[code] = (all_codes[code] or 0) + n end
  end
  local code_list = {}
  for code, n in pairs(all_codes) do table.insert(code_list, string.format('"%s":%d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"durationUs":%d,"requests":%d,"accepted":%d,"gqlErrors":%d,"codes":{%s},'
      .. '"socketErrors":%d,"statusErrors":%d,"timeouts":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.duration, summary.requests, total_accepted, total_errors, table.concat(code_list, ","),
    e.connect + e.read + e.write, total_status, e.timeout, latency:percentile(50), latency:percentile(99)))
end
