#include "HostCli.h"

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
    std::vector<std::string> arguments(argv + 1, argv + argc);
    return cardlink::host::HostCli::run(arguments, stdout, stderr);
}
