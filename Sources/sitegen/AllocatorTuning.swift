#if canImport(CMimalloc)
import CMimalloc
#endif

/// mimalloc keeps a page that has become free for 25 ms (its `decommit_delay`) before handing
/// it back to the system, in case it is wanted again. A large build frees memory fast enough for
/// those 25 ms to hold about 13 MB at its peak (10,000 sources: 196–198 MB with 25 ms, 182–185 MB
/// with 2 ms, for 0.2–0.5 s more system time; 0 ms cost 5 s more; README, "Benchmarks").
enum AllocatorTuning {
    static func apply() {
        #if canImport(CMimalloc)
        mi_option_set(mi_option_decommit_delay, 2)
        #endif
    }
}
