-- workload.lua: the benchmark's callbacks in Lua 5.4 (bench/README.md), called by lua_host.c.
-- pre(filter, data) and post(filter, data, flags) return the same codes as the C reference;
-- counters[filter] holds what each filter counted.
local MJ_CREATE, MJ_READ, MJ_WRITE = 0x00, 0x03, 0x04
local WITH_CALLBACK, NO_CALLBACK, COMPLETE, FINISHED = 0, 1, 4, 0
local IRP_OPERATION, DRAINING, WRITE_THROUGH = 0x1, 0x1, 0x2
local SUCCESS, ACCESS_DENIED = 0x00000000, 0xC0000022

counters = {}
for f = 0, 3 do
  counters[f] = { creates = 0, reads = 0, writes = 0, others = 0, errors = 0, write_through = 0 }
end

local function check_write(length)
  if length & 0x30 == 0x30 then return ACCESS_DENIED end
  return SUCCESS
end

function pre(filter, data)
  local major = data.major
  if major == MJ_CREATE then
    local options = data.create_options & 0x00FFFFFF
    if options & WRITE_THROUGH ~= 0 then
      local c = counters[filter]
      c.write_through = c.write_through + 1
    end
    return WITH_CALLBACK
  end
  if major == MJ_WRITE then
    local length = data.length
    if data.flags & IRP_OPERATION ~= 0 and length & 0xF == 0xF and filter == 2 then
      local status = check_write(length)
      if status & 0x80000000 ~= 0 then
        data.status = status
        data.information = 0
        return COMPLETE
      end
    end
    return WITH_CALLBACK
  end
  if major == MJ_READ then
    if data.length > 256 then return WITH_CALLBACK end
    return NO_CALLBACK
  end
  return WITH_CALLBACK
end

function post(filter, data, flags)
  if flags & DRAINING ~= 0 then return FINISHED end
  local c = counters[filter]
  if data.status >> 30 == 3 then
    c.errors = c.errors + 1
    return FINISHED
  end
  local major = data.major
  if major == MJ_READ then c.reads = c.reads + 1
  elseif major == MJ_WRITE then c.writes = c.writes + 1
  elseif major == MJ_CREATE then c.creates = c.creates + 1
  else c.others = c.others + 1 end
  return FINISHED
end
