// Swaps two paths in one step of the file system, for the output folder's commit.
#ifndef C_FOLDER_EXCHANGE_H
#define C_FOLDER_EXCHANGE_H

/// Exchanges the entries at `first` and `second`, which must both exist on the same file
/// system: renameat2 with RENAME_EXCHANGE on Linux, renamex_np with RENAME_SWAP on macOS.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system or kernel cannot).
int sitegen_exchange_paths(const char *first, const char *second);

#endif
