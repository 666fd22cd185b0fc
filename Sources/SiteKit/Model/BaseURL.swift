import Foundation

/// What a base URL (`base_url` in `site.yml`, `--base-url`) must be: an absolute `http` or
/// `https` URL with a host and a path without empty segments. It is written into canonical
/// links, the sitemap, robots.txt and the links of `404.html`, where anything else would point
/// readers at another site (`//host/`), at nothing (`//reader/` is a host) or at a script.
public enum BaseURL {
    /// Why `text` cannot be a base URL, to follow the key or option that gave it; nil when it can.
    public static func problem(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), let url = URLComponents(string: text) else {
            return "must be an absolute http:// or https:// URL, found '\(text)'"
        }
        guard let host = url.host, !host.isEmpty else { return "must name a host, found '\(text)'" }
        guard url.user == nil, url.password == nil, url.query == nil, url.fragment == nil else {
            return "must have no user, query or fragment, found '\(text)'"
        }
        guard !url.path.contains("//") else { return "must not have an empty path segment ('//'), found '\(text)'" }
        return nil
    }
}
