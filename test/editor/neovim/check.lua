-- Drives Neovim 0.7's built-in LSP client against `node dist/server.js --stdio` on the article in the
-- current buffer. It only performs the steps of the plan (written by test/editor/neovim.mjs from
-- test/user-expectations.json) and records what Neovim got; the Node side judges the results.
local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('PRESS_PLAN')), '\n'))
local observed = { hovers = {}, edits = {} }
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)

local function finish(failure)
  observed.failure = failure
  vim.fn.writefile({ vim.fn.json_encode(observed) }, plan.result)
  vim.cmd(failure and 'cquit! 1' or 'qall!')
end

local function codes()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, d.code or '(no code)')
  end
  return list
end

local function count(list, code)
  local n = 0
  for _, c in ipairs(list) do
    if c == code then n = n + 1 end
  end
  return n
end

local function seconds_since(start)
  return (vim.loop.hrtime() - start) / 1e9
end

local function main()
  -- Bumped on every publishDiagnostics for this buffer, so waits can tell a fresh answer from an old one.
  local published = 0
  local client_id = vim.lsp.start_client({
    name = 'press-markup',
    cmd = { 'node', plan.server, '--stdio' },
    root_dir = vim.fn.fnamemodify(plan.article, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        if result.uri == uri then published = published + 1 end
      end,
    },
  })
  if not client_id then return finish('Neovim could not start the language server: ' .. plan.server) end
  -- What a user's `vim.filetype.add({ extension = { article = 'press-article' } })` gives: the language id the server analyses.
  vim.bo[bufnr].filetype = 'press-article'
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(15000, function() return published > 0 end, 20) then
    return finish('the server published no diagnostics for the article within 15 s')
  end
  observed.problems = codes()

  local function request(method, params)
    local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
    if not responses then return nil, err end
    local response = responses[client_id]
    if not response then return nil, 'no answer' end
    if response.err then return nil, vim.inspect(response.err) end
    return response.result
  end

  for _, h in ipairs(plan.hovers) do
    local result, err = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = h.line, character = h.character } })
    local text = err and ('(error: ' .. err .. ')') or ''
    if result and result.contents then
      -- What Neovim's hover window shows: the markdown lines of the answer.
      text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(result.contents), '\n')
    end
    observed.hovers[h.name] = text
  end

  local symbols, symbols_err = request('textDocument/documentSymbol', { textDocument = { uri = uri } })
  observed.symbols = symbols or {}
  observed.symbolsError = symbols_err

  -- The quick fix: ask for the actions at the backtick with the diagnostic Neovim holds there, apply the chosen one.
  local fix = plan.quickFix
  -- The line's diagnostics in LSP form, as Neovim 0.7's own vim.lsp.buf.code_action() sends them.
  local at_fix = vim.lsp.diagnostic.get_line_diagnostics(bufnr, fix.line, {}, client_id)
  local range = { start = { line = fix.line, character = fix.character }, ['end'] = { line = fix.line, character = fix.character + 1 } }
  local actions = request('textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = at_fix } }) or {}
  observed.quickFix = { titles = {} }
  local function at_cursor(action)
    local d = action.diagnostics and action.diagnostics[1]
    return d and d.range.start.line == fix.line and d.range.start.character <= fix.character and fix.character < d.range['end'].character
  end
  local applied = false
  for _, action in ipairs(actions) do
    table.insert(observed.quickFix.titles, action.title)
    -- Neovim sends the whole line's diagnostics, so there may be the same fix for another backtick on the line.
    if not applied and action.title == fix.title and action.edit and at_cursor(action) then
      applied = true
      local before = published
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      vim.wait(5000, function() return published > before and count(codes(), fix.code) == fix.problemsAfter[fix.code] end, 20)
    end
  end
  local line = vim.api.nvim_buf_get_lines(bufnr, fix.line, fix.line + 1, false)[1] or ''
  observed.quickFix.lineText = line
  observed.quickFix.problems = codes()
  observed.quickFix.modified = vim.bo[bufnr].modified

  for _, edit in ipairs(plan.edits) do
    local before_codes = codes()
    local target = {}
    for code, n in pairs(edit.adds) do target[code] = count(before_codes, code) + n end
    local before = published
    local started = vim.loop.hrtime()
    vim.api.nvim_buf_set_text(bufnr, edit.line, edit.character, edit.line, edit.character, vim.split(edit.type, '\n', true))
    local reached = vim.wait(edit.withinSeconds * 1000, function()
      if published == before then return false end
      local now = codes()
      for code, n in pairs(target) do
        if count(now, code) ~= n then return false end
      end
      return true
    end, 20)
    observed.edits[edit.name] = { before = before_codes, after = codes(), seconds = reached and seconds_since(started) or nil }
  end

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  finish(nil)
end

-- A Lua error would otherwise leave a headless Neovim waiting forever.
local ok, err = pcall(main)
if not ok then finish('error in check.lua: ' .. tostring(err)) end
