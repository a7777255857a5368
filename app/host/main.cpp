#include "HostCli.h"

#include <cstdlib>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char** argv)
{
#ifdef __GLIBC__
    // Keep freed memory instead of handing it back after every large free:
    // with the default, glibc trimmed the commit writer's arena on nearly
    // every group (madvise, then a TLB shootdown across both CPUs), about an
    // eighth of the writer's time under load (perf, bench_host).
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
#endif
    // Qt's own poll()-based event loop instead of GLib's: the host is headless,
    // and with GLib every socket notifier switched on or off (QSslSocket does
    // so around each write) is a search through the context's poll records;
    // bench_host measured less CPU per authorization without it.
    setenv("QT_NO_GLIB", "1", 1);
    std::vector<std::string> arguments(argv + 1, argv + argc);
    return cardlink::host::HostCli::run(arguments, stdout, stderr);
}
