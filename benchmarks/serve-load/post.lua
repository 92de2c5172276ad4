-- wrk script for `digits serve`: POSTs FSDD's official test clips (index 0-4) in turn as audio/wav; FSDD=folder of recordings
local bodies = {}
local speakers = {"george", "jackson", "lucas", "nicolas", "theo", "yweweler"}
for d = 0, 9 do
  for _, s in ipairs(speakers) do
    for i = 0, 4 do
      local f = io.open(os.getenv("FSDD") .. "/" .. d .. "_" .. s .. "_" .. i .. ".wav", "rb")
      bodies[#bodies + 1] = f:read("*all")
      f:close()
    end
  end
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/recognize", {["Content-Type"] = "audio/wav"}, bodies[(n % #bodies) + 1])
end
