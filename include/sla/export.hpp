// SLA_API marks what the shared library exports: the library is built with
// hidden visibility, so a host sees the public API and nothing of its insides
// (fmt, date, PEGTL), and cannot clash with its own copies of them.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define SLA_API __attribute__((visibility("default")))
#else
#define SLA_API
#endif
