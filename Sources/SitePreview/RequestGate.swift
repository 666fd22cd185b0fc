import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Behind the HTTP parser, before the responder: refuses request bodies the preview never reads
/// (any on GET or HEAD, one without a length, one over the cap), answers what the parser or
/// `RequestHeadGuard` rejected (400, 408, 414, 431) and then closes the connection, reading and
/// dropping what the client still sends for `ServerLimits.linger` so that the answer arrives.
final class RequestGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ServerLimits
    private var refused = false

    init(limits: ServerLimits) {
        self.limits = limits
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let status = Self.refusal(of: head, limits: limits) {
                refuse(status, context: context)
                return
            }
        case .body:
            break
        case .end:
            context.triggerUserOutboundEvent(RequestEnded(), promise: nil)
        }
        context.fireChannelRead(data)
    }

    /// The status a request's head alone earns it, or nil when it may go to the responder.
    static func refusal(of head: HTTPRequest, limits: ServerLimits) -> HTTPResponse.Status? {
        let declared = head.headerFields[.contentLength].flatMap(Int.init) ?? 0
        let unbounded = head.headerFields[.transferEncoding] != nil
        if head.method == .get || head.method == .head {
            return declared > 0 || unbounded ? .contentTooLarge : nil
        }
        if unbounded { return .lengthRequired }
        return declared > limits.body ? .contentTooLarge : nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        if case .headerOverflow = parseError {
            refuse(.requestHeaderFieldsTooLarge, context: context)
        } else {
            refuse(.badRequest, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let refusal = event as? RefuseRequest {
            refuse(refusal.status, context: context)
        } else if refused, case ChannelEvent.inputClosed = event {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func refuse(_ status: HTTPResponse.Status, context: ChannelHandlerContext) {
        guard !refused else { return }
        refused = true
        // The reason as the status line gives it (NIO writes its own phrase for each code).
        let body = ByteBuffer(string: HTTPResponseStatus(statusCode: status.code).reasonPhrase + "\n")
        let head = HTTPResponse(status: status, headerFields: [
            .connection: "close", .contentType: "text/plain; charset=utf-8", .contentLength: String(body.readableBytes),
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let loop = context.eventLoop.assumeIsolated()
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { [limits] _ in
            context.close(mode: .output, promise: nil)
            loop.scheduleTask(in: TimeAmount(limits.linger)) { context.close(promise: nil) }
        }
    }
}
