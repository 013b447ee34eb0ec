// Supervised children that hold a listening socket: bind at start, close when stopped.
import Runtime
import ServiceLifecycle
import Supervisors

/// `metrics.http`: Prometheus text at /metrics, liveness at /healthz, readiness at /readyz.
struct MetricsHTTPService: Service {
    let node: NodeState
    let context: ChildContext

    func run() async throws {
        let configured = node.config.metrics.listen
        let port = node.port(for: "metrics", configured: Int(configured.port))
        let address = try SocketAddress(host: configured.host, port: port)
        let node = self.node
        let listener = try await HTTPServer.listen(on: address, loop: node.loops.loops[0]) { request in
            await MetricsHTTPService.respond(to: request, node: node)
        }
        node.rememberFirstPort(listener.boundAddress.port, for: "metrics")
        node.record(address: listener.boundAddress.description, for: "metrics")
        do {
            try await waitForShutdownRequest()
        } catch {
            await listener.close()
            throw error
        }
    }

    static func respond(to request: HTTPRequest, node: NodeState) async -> HTTPResponse {
        switch request.path {
        case "/metrics":
            node.serverMetrics.sample(connectedClients: node.clients.connectedCount)
            return HTTPResponse(status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8", body: node.metrics.exposition())
        case "/healthz":
            return HTTPResponse(status: 200, body: "ok\n")
        case "/readyz":
            let problems = await NodeReadiness.problems(of: node.root)
            return problems.isEmpty
                ? HTTPResponse(status: 200, body: "ready\n")
                : HTTPResponse(status: 503, body: "not ready: " + problems.joined(separator: ", ") + "\n")
        default:
            return HTTPResponse(status: 404, body: "not found; try /metrics, /healthz or /readyz\n")
        }
    }
}

/// `admin`: the admin socket at `<data-dir>/admin.sock` (or admin.socket).
struct AdminSocketService: Service {
    let node: NodeState
    let context: ChildContext

    func run() async throws {
        let path = node.config.effectiveSocketPath
        let listener = try await AdminServer.listen(at: path, on: node.loops.loops[0], registry: node.admin, logger: context.logger)
        node.record(address: path, for: "admin")
        do {
            try await waitForShutdownRequest()
        } catch {
            await listener.close()
            throw error
        }
    }
}
