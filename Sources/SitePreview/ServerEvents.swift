import HTTPTypes

/// Sent inbound by `RequestHeadGuard` when a request must be answered with an error before its
/// head reaches the parser; `RequestGate` answers it.
struct RefuseRequest {
    let status: HTTPResponse.Status
}

/// Sent outbound by `RequestGate` once a request has been read whole, so that `RequestHeadGuard`
/// expects the next request line and stops the request's clock.
struct RequestEnded {}
