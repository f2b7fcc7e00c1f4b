-- wrk script: cycles through the requests listed in the file named by the REQUESTS environment variable
-- (one JSON object per line: {"method","path","body","headers"}), and prints one JSON result line.
local requests = {}
local counter = 0
local threads = {}

local function decode_line(line)
  -- the bench writes simple lines: method \t path \t body (body may be empty); headers from HEADER_* env
  local method, path, body = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
  return method, path, body
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local headers = {}
  local auth = os.getenv("AUTH")
  if auth and auth ~= "" then headers["Authorization"] = auth end
  local cookie = os.getenv("COOKIE")
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  local ctype = os.getenv("CTYPE")
  if ctype and ctype ~= "" then headers["Content-Type"] = ctype end
  for line in io.lines(os.getenv("REQUESTS")) do
    local method, path, body = decode_line(line)
    if body == "" then body = nil end
    if body then body = body:gsub("\\n", "\r\n") end
    table.insert(requests, wrk.format(method, path, headers, body))
  end
  counter = math.random(1, #requests)
  ok = 0
  failed = 0
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

function response(status, headers, body)
  if status >= 200 and status < 400 then ok = ok + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local ok_total, failed_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + (t:get("ok") or 0)
    failed_total = failed_total + (t:get("failed") or 0)
  end
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"ok":%d,"failed":%d,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    ok_total, failed_total,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
