#if canImport(CMimalloc)
import CMimalloc
#endif

/// mimalloc keeps a page that has become free for 25 ms (its `decommit_delay`) before handing
/// it back to the system, in case it is wanted again. A large build frees memory fast enough for
/// those pages to add to its peak; 2 ms returns them sooner at little cost in system time (the
/// figures are in docs/benchmarks.md).
enum AllocatorTuning {
    static func apply() {
        #if canImport(CMimalloc)
        mi_option_set(mi_option_decommit_delay, 2)
        #endif
    }
}
