import CStemmer

/// Snowball's English stemmer (libstemmer). One instance is used by one thread at a time.
final class Stemmer {
    private let stemmer: OpaquePointer

    init() {
        // "english" is built into every libstemmer; failing to make it is a broken installation.
        guard let stemmer = sb_stemmer_new("english", "UTF_8") else { fatalError("libstemmer has no English stemmer") }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a folded word.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress, let stemmed = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
        }
    }
}
