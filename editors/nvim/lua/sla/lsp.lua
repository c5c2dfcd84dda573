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
--   keymaps      buffer-local keys and completion on attach (default true): K hover,
--                gd definition, gr references, <leader>ca code action (quick fixes),
--                <leader>f format; omnifunc (CTRL-X CTRL-O completes) and, on 0.8 and
--                later, gq formats through the server. false leaves the keys to you.
--   on_attach    called after that, with (client, bufnr).
--   capabilities, settings, init_options: passed on to the client.
--
-- A stdlib module that "go to definition" opened (written read-only to the
-- cache, .../sla/VERSION/std/...) joins the server that opened it, not a new one.
--
-- Works on Neovim 0.7 (Debian 12), which has no vim.lsp.start: there one client
-- is started per root and attached by hand. On 0.8 and later vim.lsp.start does
-- the same, reusing a running client for the same root.
local M = {}

local defaults = {
  cmd = { "sla", "lsp" },
  root_markers = { ".git" },
  keymaps = true,
}

local config = vim.deepcopy(defaults)
local clients = {} -- root folder -> client id, for Neovim 0.7
local warned = false

-- A running sla client's root folder, for a buffer that belongs to no project of
-- its own (a stdlib module in the cache).
local function running_root()
  for _, client in pairs(vim.lsp.get_active_clients()) do
    if client.name == "sla" and not client.is_stopped() then
      return client.config.root_dir
    end
  end
end

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name:match("/sla/[^/]+/std/") then
    local root = running_root()
    if root then
      return root
    end
  end
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

-- The keys of an editor that knows the language, on the buffers the server serves.
local function on_attach(client, bufnr)
  if config.keymaps then
    vim.bo[bufnr].omnifunc = "v:lua.vim.lsp.omnifunc"
    local function map(lhs, rhs, desc)
      vim.keymap.set("n", lhs, rhs, { buffer = bufnr, silent = true, desc = desc })
    end
    map("K", vim.lsp.buf.hover, "sla: hover")
    map("gd", vim.lsp.buf.definition, "sla: go to definition")
    map("gr", vim.lsp.buf.references, "sla: references")
    map("<leader>ca", vim.lsp.buf.code_action, "sla: quick fixes")
    -- vim.lsp.buf.format is 0.8 and later; 0.7 has formatting_sync.
    map("<leader>f", function()
      if vim.lsp.buf.format then
        vim.lsp.buf.format({ bufnr = bufnr })
      else
        vim.lsp.buf.formatting_sync(nil, 2000)
      end
    end, "sla: format")
    if vim.lsp.formatexpr and vim.lsp.buf.format then
      vim.bo[bufnr].formatexpr = "v:lua.vim.lsp.formatexpr()"
    end
  end
  if config.on_attach then
    config.on_attach(client, bufnr)
  end
end

local function client_config(root)
  return {
    name = "sla",
    cmd = config.cmd,
    root_dir = root,
    on_attach = on_attach,
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
