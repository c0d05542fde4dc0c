-- wrk script for the incident feed: sends the API key, and follows the "next" cursor of the previous answer on
-- three requests of four (a client paging), starting a fresh walk on the fourth and when a walk ends.
-- wrk -s bench/feed.lua http://127.0.0.1:PORT -- API_KEY
local key
local cursor
local n = 0

function init(args)
    key = args[1]
end

function request()
    n = n + 1
    local path = "/api/incidents?limit=50"
    if cursor and n % 4 ~= 0 then
        path = path .. "&after=" .. cursor
    end
    return wrk.format("GET", path, { ["X-API-Key"] = key })
end

function response(status, headers, body)
    if status == 200 then
        cursor = body:match('"next":"([^"]+)"')
    else
        cursor = nil
    end
end
