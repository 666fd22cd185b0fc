import HummingbirdCore
import Logging
import NIOCore

/// HummingbirdCore's HTTP/1.1 connection with the preview's limits: `RequestHeadGuard` in front
/// of the parser, `RequestGate` behind it, the idle timeout of Hummingbird's own connection
/// handler, and the parser's own caps above the guard's as a second line.
struct PreviewHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let limits: ServerLimits
    let http1: HTTP1Channel

    init(limits: ServerLimits, responder: @escaping HTTPChannelHandler.Responder) {
        self.limits = limits
        let parserCap = 2 * max(limits.requestLine, limits.headers)
        http1 = HTTP1Channel(responder: responder, configuration: .init(
            additionalChannelHandlers: [RequestGate(limits: limits)],
            idleTimeout: TimeAmount(limits.idleTimeout),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: parserCap, maxHeaderListSize: parserCap)))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(RequestHeadGuard(limits: limits))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
