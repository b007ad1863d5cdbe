-- wrk script for the Tapedeck bench. Args: <mode> <fileBytes> <rangeBytes>
--   mode "range": each request asks a random Range of rangeBytes (half of them 32 KiB-aligned)
--                 and must get 206 with a matching Content-Range and exactly rangeBytes of body;
--   mode "full":  plain GET, must get 200 with exactly fileBytes of body.
-- done() prints one BENCH_JSON line that workloads/wrk.ts parses.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[1]
  size = tonumber(args[2])
  span = tonumber(args[3])
  ok, bad = 0, 0
  math.randomseed(os.time() * 1000 + id)
end

function request()
  if mode ~= "range" then
    return wrk.format(nil, nil)
  end
  local a = math.random(0, size - span)
  if math.random() < 0.5 then
    a = a - a % 32768
  end
  return wrk.format(nil, nil, { ["Range"] = "bytes=" .. a .. "-" .. (a + span - 1) })
end

local function header(headers, name)
  for k, v in pairs(headers) do
    if string.lower(k) == name then
      return v
    end
  end
  return ""
end

local function valid(status, headers, body)
  if mode ~= "range" then
    return status == 200 and #body == size
  end
  local a, b, total = string.match(header(headers, "content-range"), "^bytes (%d+)-(%d+)/(%d+)$")
  return status == 206 and #body == span and a ~= nil
    and tonumber(b) - tonumber(a) + 1 == span and tonumber(total) == size
end

function response(status, headers, body)
  if valid(status, headers, body) then
    ok = ok + 1
  else
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write(string.format("bad response: status %d, %d bytes, content-range %q\n",
        status, #body, header(headers, "content-range")))
    end
  end
end

function done(summary, latency, requests)
  local total_ok, total_bad = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_bad = total_bad + t:get("bad")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"ok":%d,"bad":%d,"durationUs":%d,"requests":%d,"socketErrors":%d,"p50Us":%d,"p99Us":%d}\n',
    total_ok, total_bad, summary.duration, summary.requests,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
