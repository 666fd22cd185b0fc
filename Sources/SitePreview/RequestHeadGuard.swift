import HTTPTypes
import NIOCore

/// In front of the HTTP parser, on the raw bytes: caps the request line and the header block of
/// each request and times each request from its first byte to its end. It passes the bytes on
/// one line at a time, so that which limit a request broke (414 or 431) is known exactly, also
/// when several requests arrive in one read. Past a refusal, everything the client sends is
/// dropped.
final class RequestHeadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private enum Phase {
        case awaitingRequest
        case requestLine(bytes: Int)
        /// `lineBytes`: of the header line read so far, to tell the blank line that ends the head.
        case headers(bytes: Int, lineBytes: Int)
        case body
        case refused
    }

    private let limits: ServerLimits
    private var phase = Phase.awaitingRequest
    private var clock: Scheduled<Void>?

    init(limits: ServerLimits) {
        self.limits = limits
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        while buffer.readableBytes > 0 {
            if case .refused = phase { return }
            let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n"))
            let piece = buffer.readSlice(length: newline.map { $0 - buffer.readerIndex + 1 } ?? buffer.readableBytes)!
            if let status = advance(over: piece.readableBytes, endingLine: newline != nil, context: context) {
                refuse(status, context: context)
                return
            }
            context.fireChannelRead(wrapInboundOut(piece))
        }
    }

    /// Moves through the request by one piece: a whole line, or the start of one. Returns the
    /// status to refuse the request with when the piece breaks a limit.
    private func advance(over count: Int, endingLine: Bool, context: ChannelHandlerContext) -> HTTPResponse.Status? {
        if case .awaitingRequest = phase {
            startClock(context: context)
            phase = .requestLine(bytes: 0)
        }
        switch phase {
        case .requestLine(let bytes):
            guard bytes + count <= limits.requestLine else { return .uriTooLong }
            phase = endingLine ? .headers(bytes: 0, lineBytes: 0) : .requestLine(bytes: bytes + count)
        case .headers(let bytes, let lineBytes):
            // "\r\n" or "\n" alone: the head is complete.
            if endingLine && lineBytes + count <= 2 {
                phase = .body
                return nil
            }
            guard bytes + count <= limits.headers else { return .requestHeaderFieldsTooLarge }
            phase = .headers(bytes: bytes + count, lineBytes: endingLine ? 0 : lineBytes + count)
        case .awaitingRequest, .body, .refused:
            break
        }
        return nil
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is RequestEnded else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        if case .body = phase { phase = .awaitingRequest }
        stopClock()
        promise?.succeed()
    }

    private func refuse(_ status: HTTPResponse.Status, context: ChannelHandlerContext) {
        phase = .refused
        stopClock()
        context.fireUserInboundEventTriggered(RefuseRequest(status: status))
    }

    private func startClock(context: ChannelHandlerContext) {
        clock = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limits.requestTimeout)) { [self] in
            clock = nil
            switch phase {
            case .requestLine, .headers:
                refuse(.requestTimeout, context: context)
            case .body:
                // The head went to the responder, which may be answering: no second answer.
                context.close(promise: nil)
            case .awaitingRequest, .refused:
                break
            }
        }
    }

    private func stopClock() {
        clock?.cancel()
        clock = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClock()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClock()
    }
}
