/* A stand-in for Windows' system icuuc.dll, for running Qt >= 6.10 under wine 8 ONLY.
 *
 * Qt6Core.dll links the ICU that Windows 10 (1703+) and 11 carry in system32;
 * wine 8 has none, so QtCore fails to load. This stub exports the ucnv_*
 * functions Qt6Core imports and makes each fail cleanly: no converter opens,
 * none is listed. UTF-8/16 and Latin-1 do not go through ICU, so cunwu runs.
 *
 * It is built by installer/build_windows.py into build/installer/wine-stubs/
 * and copied into the wine prefix's system32, never into the app folder: the
 * spec refuses to bundle it and `make installer-test` asserts its absence.
 * The build compares Qt6Core's icuuc imports with this DLL's exports and stops
 * if a new Qt needs a function this file lacks.
 */
#include <stddef.h>

#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
#define U_UNSUPPORTED_ERROR 16

static void *fail(UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; return NULL; }

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; return fail(err); }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{ (void)name; (void)standard; return fail(err); }
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT signed char ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 4; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; return fail(err); }
/* Converter-taking functions are never reached (no converter ever opens);
   they report an error where they have an error argument. */
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_setToUCallBack(void *c, void *n, const void *x, void **o, const void **oc, UErrorCode *err)
{ (void)c; (void)n; (void)x; (void)o; (void)oc; fail(err); }
EXPORT void ucnv_setFromUCallBack(void *c, void *n, const void *x, void **o, const void **oc, UErrorCode *err)
{ (void)c; (void)n; (void)x; (void)o; (void)oc; fail(err); }
EXPORT void ucnv_toUnicode(void *c, void **t, const void *tl, const char **s, const char *sl, int *o, signed char f, UErrorCode *err)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(err); }
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const void **s, const void *sl, int *o, signed char f, UErrorCode *err)
{ (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(err); }
EXPORT int ucnv_toUCountPending(const void *c, UErrorCode *err) { (void)c; fail(err); return 0; }
EXPORT int ucnv_fromUCountPending(const void *c, UErrorCode *err) { (void)c; fail(err); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *a, const void *s, int l, int o, UErrorCode *err)
{ (void)a; (void)s; (void)l; (void)o; fail(err); }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const void **s, const void *sl, int o, UErrorCode *err)
{ (void)a; (void)s; (void)sl; (void)o; fail(err); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *a, const void *cu, int l, int cp, int r, UErrorCode *err)
{ (void)ctx; (void)a; (void)cu; (void)l; (void)cp; (void)r; fail(err); }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *a, const char *cb, int l, int r, UErrorCode *err)
{ (void)ctx; (void)a; (void)cb; (void)l; (void)r; fail(err); }
