/* The C API of the sla interpreter: see docs/embedding.md. */
#ifndef SLA_SLA_H
#define SLA_SLA_H

#ifndef SLA_API
#if defined(__GNUC__) || defined(__clang__)
#define SLA_API __attribute__((visibility("default")))
#else
#define SLA_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version: "0.1.0". Static storage; never freed. */
SLA_API const char* sla_version(void);

#ifdef __cplusplus
}
#endif

#endif
