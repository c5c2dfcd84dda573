" Indentation for .sla files: one level per open brace, as `sla fmt` writes it.
" Braces inside strings and comments do not count, so "a {" in a title cannot
" shift the rest of the file.
if exists("b:did_indent")
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal indentexpr=SlaIndent(v:lnum)
setlocal indentkeys=0{,0},!^F,o,O
let b:undo_indent = "setlocal autoindent< indentexpr< indentkeys<"

if exists("*SlaIndent")
  finish
endif

" The braces of a line that count: strings and the comment removed.
function! s:Code(line) abort
  let code = substitute(a:line, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  return substitute(code, '#.*$', '', '')
endfunction

function! SlaIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let code = s:Code(getline(prev))
  " A leading } was already taken into account by that line's own indent.
  let code = substitute(code, '^\s*}', '', '')
  let opened = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
  let ind = indent(prev) + (opened > 0 ? shiftwidth() : opened < 0 ? -shiftwidth() : 0)
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction
