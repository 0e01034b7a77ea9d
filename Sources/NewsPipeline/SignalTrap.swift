import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM (and SIGHUP, when asked) into a callback through Dispatch signal sources, so that a run can stop taking
/// work and drain instead of dying mid-write. A second signal exits at once (the records already written
/// are whole lines either way). Owned by the top-level command that installs it; not Sendable.
package final class SignalTrap {
    private let queue = DispatchQueue(label: "newsevents.SignalTrap.signals")
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    // Guarded by `lock`.
    private var received: Int32?

    /// The first signal received, if any.
    package var signal: Int32? { lock.withLock { received } }

    /// Installs handlers for SIGINT and SIGTERM. `onSignal` runs on the trap's own queue, once.
    /// - Parameter deadline: seconds after the first signal at which the process exits with 128+signal
    ///   even if the drain has not finished (a blocked read of standard input, a huge page in libxml2).
    /// - Parameter onHangup: runs on each SIGHUP (reopen the output after logrotate); nil leaves SIGHUP alone.
    package init(
        deadline: Double = 4.5, onSignal: @escaping @Sendable (Int32) -> Void,
        onHangup: (@Sendable () -> Void)? = nil
    ) {
        if let onHangup {
            Foundation.signal(SIGHUP, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: queue)
            source.setEventHandler { onHangup() }
            source.resume()
            sources.append(source)
        }
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let first: Bool = self.lock.withLock {
                    if self.received == nil {
                        self.received = number
                        return true
                    }
                    return false
                }
                if first {
                    onSignal(number)
                    self.queue.asyncAfter(deadline: .now() + deadline) { _exit(128 + number) }
                } else {
                    _exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
