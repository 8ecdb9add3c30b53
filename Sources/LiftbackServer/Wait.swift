import Hummingbird

/// A wait in words: "a few seconds", "2 minutes".
enum Wait {
    static func words(_ seconds: Int) -> String {
        switch seconds {
        case ..<10: "a few seconds"
        case ..<60: "\(seconds) seconds"
        case ..<120: "a minute"
        default: "\((seconds + 59) / 60) minutes"
        }
    }

    /// "Please try again in a minute."
    static func tryAgain(_ seconds: Int) -> String { "Please try again in \(words(seconds))." }
}

extension Response {
    /// This page or answer, refused for too many tries: 429, with the wait in `Retry-After`.
    func throttled(for seconds: Int) -> Response {
        var response = self
        response.status = .tooManyRequests
        response.headers[.retryAfter] = String(seconds)
        return response
    }
}
