" Syntax highlighting for .sla contracts, for Vim and for Neovim without a
" TextMate engine. The keywords are those of grammar/grammar.hpp;
" tests/editors/editors_test.py fails when one is missing here.
if exists("b:current_syntax")
  finish
endif

" Values. When two items start at the same place the one defined last wins, so
" the general number comes first and the longer forms (date, time, duration) after.
syn match slaNumber    "\<\d\+\%(\.\d\+\)\=\>"
syn match slaPercent   "\<\d\+\%(\.\d\+\)\=\s*%"
syn match slaDuration  "\<\d\+\%(\.\d\+\)\=\s*\%(\%(business\|calendar\)\s\+\)\=\%(minutes\=\|hours\=\|days\=\|weeks\=\|months\=\)\>"
" Grouped amounts (IDR 1,000,000) are an error to the checker; they still read as
" money here so the error shows where it is.
syn match slaMoney     "\<\u\{3}\s\+\d\+\%([.,']\d\+\)*\%(\s\+\%(thousand\|million\|billion\)\)\=\>"
syn match slaTime      "\<\d\{1,2}:\d\d\>"
syn match slaDate      "\<\d\{4}-\d\d-\d\d\>"
syn match slaZone      "\<UTC\%([+-]\d\{1,2}\%(:\d\d\)\=\)\=\>"

" Top-level items; those that name something hand over to slaName.
syn keyword slaDeclaration calendar package addon holidays translation attribute nextgroup=slaName skipwhite
syn keyword slaDeclaration import contract definitions priorities example
syn keyword slaExtends     extends nextgroup=slaName skipwhite
syn match   slaName        "\<[A-Za-z_][A-Za-z0-9_]*\>" contained

syn keyword slaCommitment committed best effort
syn keyword slaVerdict    met breached pending
syn keyword slaConstant   annually quarterly monthly yearly always tentative separately all other
syn match   slaConstant   "\<one-off\>"
syn keyword slaWeekday    Mon Tue Wed Thu Fri Sat Sun daily
syn keyword slaUnit       minute minutes hour hours day days week weeks month months year
syn keyword slaUnit       thousand million billion
syn keyword slaConditional within by until every when where
syn keyword slaKeyword    advance announced as at available below business changes channel client
syn keyword slaKeyword    clock closed contact counts covers creation credit credits describe due
syn keyword slaKeyword    effective end ends escalate escalation exclude excluded excludes expect
syn keyword slaKeyword    feature for force from in included is least maintenance majeure means
syn keyword slaKeyword    measured most next no not note notified of on open opening party pauses
syn keyword slaKeyword    per period price provider published raised remark removed requires
syn keyword slaKeyword    resolution resolve resolved respond responded response restoration
syn keyword slaKeyword    restore restored reviewed scheduled service sold source starts status
syn keyword slaKeyword    summary target the third ticket time to unavailable under union update
syn keyword slaKeyword    updated uptime version via warn with zone

" Strings keep to one line, as the grammar wants: an unclosed one ends there.
syn match  slaEscape    +\\["\\nt]+ contained
syn match  slaBadEscape +\\\%([^"\\nt]\|$\)+ contained
syn region slaString    start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=slaEscape,slaBadEscape,@Spell
" A stated label: the contract's own wording beside a value.
syn region slaLabel     matchgroup=slaLabelParen start=+(\ze\s*"+ end=+)+ end=+$+ oneline transparent contains=slaString

" Comments last, so that # wins over everything that could start with it; a lint
" silencing comment (# sla: allow SLA105 (why)) shows its verb and codes.
syn match slaComment          "#.*$" contains=@Spell
syn match slaDirectiveComment "#\s*sla:\s*allow\%(-file\)\=\%([A-Za-z0-9_-]\)\@!.*$" contains=slaDirective,slaCode
syn match slaDirective        "#\s*\zssla:\s*allow\%(-file\)\=" contained
syn match slaCode             "\c\<sla\d\+\>" contained

hi def link slaComment          Comment
hi def link slaDirectiveComment Comment
hi def link slaDirective        PreProc
hi def link slaCode             Special
hi def link slaString           String
hi def link slaEscape           SpecialChar
hi def link slaBadEscape        Error
hi def link slaLabelParen       Delimiter
hi def link slaDeclaration      Structure
hi def link slaExtends          StorageClass
hi def link slaName             Identifier
hi def link slaCommitment       Boolean
hi def link slaVerdict          Boolean
hi def link slaConstant         Constant
hi def link slaWeekday          Constant
hi def link slaZone             Constant
hi def link slaUnit             Type
hi def link slaConditional      Conditional
hi def link slaKeyword          Keyword
hi def link slaNumber           Number
hi def link slaPercent          Number
hi def link slaDuration         Number
hi def link slaMoney            Number
hi def link slaTime             Number
hi def link slaDate             Number

let b:current_syntax = "sla"
