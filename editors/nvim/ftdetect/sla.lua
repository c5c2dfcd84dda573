-- *.sla is a contract. Set outright, not with setfiletype, so that no other
-- plugin's guess for the extension wins.
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = "*.sla",
  callback = function()
    vim.bo.filetype = "sla"
  end,
})
