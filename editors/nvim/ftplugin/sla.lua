-- Buffer settings for .sla files: the layout `sla fmt` writes (two-space
-- indents, no tabs) and `#` comments, so gc-style commenting and `gq` agree with it.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.bo.commentstring = "# %s"
vim.bo.comments = ":#"
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
-- Comments wrap and continue; code does not (a statement must stay on its line).
vim.bo.formatoptions = vim.bo.formatoptions:gsub("t", "") .. "croql"

vim.b.undo_ftplugin = "setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< formatoptions<"
