/* A stand-in for Windows' bcryptprimitives.dll, for running under wine 8 ONLY.
 *
 * cryptography's compiled core (_rust.pyd, built with Rust >= 1.78) imports
 * ProcessPrng from bcryptprimitives.dll, which every Windows 10/11 has and
 * wine 8 lacks, so `import cryptography...` fails under wine. This stub
 * implements ProcessPrng with wine's BCryptGenRandom (the system RNG), so key
 * generation in the selftest is real. Built by installer/build_windows.py
 * into build/installer/wine-stubs/ and copied into the wine prefix's system32
 * only; never bundled (the spec refuses it, installer-test asserts it).
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
