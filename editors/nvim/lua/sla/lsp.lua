-- Starts `sla lsp` for every buffer of filetype sla and attaches it.
--
--   require("sla.lsp").setup({ cmd = { "sla", "lsp" } })
--
-- Options (all optional):
--   cmd          the server command; default { "sla", "lsp" }. Its first word must be
--                executable: a name on PATH or a path (build/bin/sla is fine).
--   root_markers files or folders that mark a project root, looked for from the
--                file's folder upwards; default { ".git" }. Without one, the root is
--                the file's own folder.
--   on_attach, capabilities, settings, init_options: passed on to the client.
--
-- Works on Neovim 0.7 (Debian 12), which has no vim.lsp.start: there one client
-- is started per root and attached by hand. On 0.8 and later vim.lsp.start does
-- the same, reusing a running client for the same root.
local M = {}

local defaults = {
  cmd = { "sla", "lsp" },
  root_markers = { ".git" },
}

local config = vim.deepcopy(defaults)
local clients = {} -- root folder -> client id, for Neovim 0.7
local warned = false

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.loop.cwd()
  local dir = start
  while true do
    for _, marker in ipairs(config.root_markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local function client_config(root)
  return {
    name = "sla",
    cmd = config.cmd,
    root_dir = root,
    on_attach = config.on_attach,
    capabilities = config.capabilities,
    settings = config.settings,
    init_options = config.init_options,
  }
end

local function attach(bufnr)
  if vim.fn.executable(config.cmd[1]) ~= 1 then
    -- Said once: a missing binary would otherwise complain on every buffer.
    if not warned then
      warned = true
      vim.notify("sla.lsp: '" .. config.cmd[1] .. "' is not executable; set cmd in "
        .. "require('sla.lsp').setup({ cmd = { '/path/to/sla', 'lsp' } })", vim.log.levels.WARN)
    end
    return
  end
  local root = root_dir(bufnr)
  if vim.lsp.start then
    -- 0.8.0 attaches the current buffer whatever opts.bufnr says: make it current.
    vim.api.nvim_buf_call(bufnr, function()
      vim.lsp.start(client_config(root), { bufnr = bufnr })
    end)
    return
  end
  local id = clients[root]
  local running = id and vim.lsp.get_client_by_id(id)
  if not running or running.is_stopped() then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.setup(opts)
  -- Shallow on purpose: a deep merge would splice a one-word cmd into the default list.
  config = vim.tbl_extend("force", vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup("sla_lsp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "sla",
    callback = function(args)
      attach(args.buf)
    end,
  })
  -- Buffers opened before setup ran (a late require in init.lua) are attached too.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == "sla" then
      attach(bufnr)
    end
  end
end

return M
