-- Neovim's own LSP client drives `sla lsp` through the editor package in
-- editors/nvim: open a contract, make a typo, read the diagnostic, apply the
-- quick fix, ask hover and definition. Run by nvim_test.sh; prints "ok"/"FAIL"
-- lines and quits with status 1 when a check failed.
local sla, file = os.getenv("SLA_BIN"), os.getenv("SLA_FILE")
local failed = false
local function check(cond, what)
  io.stdout:write((cond and "ok   " or "FAIL ") .. what .. "\n")
  if not cond then failed = true end
end
local function finish()
  vim.cmd(failed and "cquit 1" or "qall!")
end

require("sla.lsp").setup({ cmd = { sla, "lsp" } })
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
check(vim.bo[buf].filetype == "sla", "a .sla file has filetype sla")

local function client()
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do return c end
end
check(vim.wait(10000, function() return client() ~= nil end, 20), "the sla server attaches to the buffer")
if not client() then return finish() end
local function has_key(lhs)
  for _, m in ipairs(vim.api.nvim_buf_get_keymap(buf, "n")) do
    if m.lhs == lhs then return true end
  end
  return false
end
check(vim.bo[buf].omnifunc == "v:lua.vim.lsp.omnifunc" and has_key("K") and has_key("gd"),
  "the package sets completion and the hover and definition keys on attach")
check(vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20),
  "the contract's findings arrive as diagnostics")
local errors = vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })
check(#errors == 0, "the contract opens with no error")

-- A typo in `calendar office_hours`, typed into the buffer (incremental sync).
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local row
for i, l in ipairs(lines) do
  if l == "  calendar office_hours" then row = i - 1; break end
end
vim.api.nvim_buf_set_text(buf, row, 12, row, 14, { "f" }) -- "office" -> "ofice"
check(vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] == "  calendar ofice_hours", "the typo is typed")
local typo
check(vim.wait(10000, function()
  for _, d in ipairs(vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })) do
    if d.lnum == row and d.code == "SLA021" then typo = d; return true end
  end
  return false
end, 20), "the typo gives error SLA021 on its line")
if not typo then return finish() end
check(typo.message:find("office_hours", 1, true) ~= nil, "the error suggests office_hours")

-- The quick fix, applied as the editor applies it.
local params = {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = { start = { line = typo.lnum, character = typo.col }, ["end"] = { line = typo.end_lnum, character = typo.end_col } },
  context = { diagnostics = { typo.user_data.lsp } },
}
local reply = client().request_sync("textDocument/codeAction", params, 5000, buf)
local actions = reply and reply.result or {}
local fix
for _, a in ipairs(actions) do
  if a.title:find("office_hours", 1, true) then fix = a; break end
end
check(fix ~= nil, "a code action offers office_hours")
if fix then
  vim.lsp.util.apply_workspace_edit(fix.edit, client().offset_encoding)
  check(vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] == "  calendar office_hours",
    "applying it restores the line")
  check(vim.wait(10000, function()
    return #vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR }) == 0
  end, 20), "the error goes away")
end

-- Hover and definition on the calendar's name.
local pos = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = row, character = 14 } }
reply = client().request_sync("textDocument/hover", pos, 5000, buf)
local hover = reply and reply.result and reply.result.contents.value or ""
check(hover:find("Asia/Jakarta", 1, true) ~= nil and hover:find("09:00", 1, true) ~= nil,
  "hover shows the calendar's zone and hours")
reply = client().request_sync("textDocument/definition", pos, 5000, buf)
local target = reply and reply.result
if target and target[1] then target = target[1] end
local def_row
for i, l in ipairs(lines) do
  if l:find('^calendar office_hours ') then def_row = i - 1; break end
end
check(target ~= nil and target.range.start.line == def_row, "definition goes to the calendar's line")
if target then
  vim.lsp.util.jump_to_location(target, client().offset_encoding)
  check(vim.api.nvim_win_get_cursor(0)[1] == def_row + 1, "the cursor jumps there")
end

-- Into the stdlib: the module opens read-only from the cache, served by the same server.
local set_row
for i, l in ipairs(lines) do
  if l:find("closed on holidays id_national", 1, true) then set_row = i - 1; break end
end
local set_col = lines[set_row + 1]:find("id_national", 1, true)
reply = client().request_sync("textDocument/definition", {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  position = { line = set_row, character = set_col },
}, 5000, buf)
target = reply and reply.result
if target and target[1] then target = target[1] end
check(target ~= nil and target.uri:find("/std/holidays/id.sla", 1, true) ~= nil,
  "definition of id_national is in the stdlib module")
if target then
  local first = client()
  vim.lsp.util.jump_to_location(target, first.offset_encoding)
  local std_buf = vim.api.nvim_get_current_buf()
  check(std_buf ~= buf and vim.bo[std_buf].filetype == "sla", "the module opens as an sla buffer")
  check(vim.wait(5000, function() return #vim.lsp.buf_get_clients(std_buf) > 0 end, 20),
    "the module's buffer is served")
  local count = 0
  for _, c in pairs(vim.lsp.get_active_clients()) do
    if c.name == "sla" then count = count + 1 end
  end
  check(count == 1, "by the same server (one sla client, not a second)")
end
finish()
